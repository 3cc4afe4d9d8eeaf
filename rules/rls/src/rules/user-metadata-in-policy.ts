/**
 * In Supabase, `user_metadata` in the JWT (`raw_user_meta_data` in `auth.users`) is what the user
 * sent at sign-up and can change at any time with `supabase.auth.updateUser({ data })`. A policy
 * that trusts it — `(auth.jwt() -> 'user_metadata' ->> 'role') = 'admin'` — lets any user make
 * themselves admin. Authorization data belongs in `app_metadata` (only the server can write it) or
 * in a table of your own. Reported wherever a policy's USING or WITH CHECK names one of `keys`: a
 * string (`'user_metadata'`, a path `'{user_metadata,role}'`) or a column.
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { walkAst } from '@migralint/core';

export interface UserMetadataInPolicyOptions {
  /** Names of user-editable metadata. */
  keys: string[];
}

export default defineRule<UserMetadataInPolicyOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report policies that read user-editable metadata (`user_metadata`, `raw_user_meta_data`).',
      url: ruleDocsUrl('rls', 'user-metadata-in-policy'),
      why:
        'Users can change their own user_metadata at any time; a policy that trusts it lets them grant themselves access. ' +
        'Keep authorization data in app_metadata or in your own tables.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      userMetadata:
        'Policy "{{policy}}" reads {{key}}, which every user can change for themselves; a user can grant themselves this access; use app_metadata or a table only the server writes',
    },
    schema: {
      type: 'object',
      properties: {
        keys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'Names of user-editable metadata, as a JSON key, a path element or a column name.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { keys: ['user_metadata', 'raw_user_meta_data'] },
    sources: [{ tool: 'splinter', rule: 'rls_references_user_metadata' }],
  },
  create(context) {
    const keys = new Set(context.options.keys ?? []);
    const check = (node: AstNode) => {
      const found: Array<{ at: AstNode; key: string }> = [];
      walkAst([node.qual, node.with_check], (kind, fields) => {
        if (kind === 'A_Const' && typeof fields.sval?.sval === 'string') {
          const key = pathElements(fields.sval.sval).find((k) => keys.has(k));
          if (key) found.push({ at: fields, key });
        } else if (kind === 'ColumnRef') {
          const key = (fields.fields ?? []).map((f: AstNode) => f.String?.sval).find((k: unknown) => typeof k === 'string' && keys.has(k));
          if (key) found.push({ at: fields, key });
        }
      });
      for (const { at, key } of found) {
        context.report({
          messageId: 'userMetadata',
          data: { policy: node.policy_name, key },
          at,
          note:
            'Users write user_metadata themselves (`supabase.auth.updateUser({ data: { role: "admin" } })`). Put roles and ' +
            "tenants in app_metadata (`auth.jwt() -> 'app_metadata'`, set by the server) or in a table the user cannot write, " +
            'and read it from there.',
        });
      }
    };
    return { CreatePolicyStmt: check, AlterPolicyStmt: check };
  },
});

/** A string constant as JSON keys: itself, or the elements of a text-array path `{a,b}`. */
function pathElements(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    return trimmed
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  }
  return [trimmed];
}
