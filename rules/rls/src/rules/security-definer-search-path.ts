/**
 * A `SECURITY DEFINER` function runs with its owner's rights but resolves names through the
 * caller's `search_path`. A caller who can create objects in any schema on that path — every role
 * can create temporary objects, and `pg_temp` is searched first — can put their own table, function
 * or operator in front of the one the body means, and it runs as the owner (often a superuser or the
 * role that owns every table). `SET search_path = ''` (qualify every name in the body) or a fixed
 * list (`SET search_path = public, pg_temp`) on the function closes that. Reported on CREATE
 * FUNCTION / PROCEDURE and on `ALTER FUNCTION … SECURITY DEFINER` unless the path is fixed in the
 * same statement or later in the same migration, and on `RESET search_path` of a definer function.
 */
import { defineRule, ruleDocsUrl, type AstNode, type QualifiedName, type Range, type RuleContext } from '@migralint/core';
import { nameParts } from '../expressions.js';
import { isWord } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a `SECURITY DEFINER` function or procedure without a fixed `search_path`.',
      url: ruleDocsUrl('rls', 'security-definer-search-path'),
      why:
        "A SECURITY DEFINER function resolves names through the caller's search_path; a caller who can create objects on it " +
        "(pg_temp always) substitutes their own and runs code with the owner's rights. SET search_path on the function closes that.",
    },
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    messages: {
      noSearchPath:
        'SECURITY DEFINER {{kind}} "{{name}}" has no fixed search_path; a caller can shadow the objects it uses and run code with its owner\'s rights; add SET search_path = \'\' and qualify names in the body',
      resetSearchPath:
        'Resetting the search_path of SECURITY DEFINER {{kind}} "{{name}}" lets callers shadow the objects it uses and run code with its owner\'s rights; keep a fixed search_path',
      addSearchPath: "Add SET search_path = '' (then schema-qualify every name in the body)",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'splinter', rule: 'function_search_path_mutable' }],
  },
  create(context) {
    return {
      CreateFunctionStmt(node) {
        const options: AstNode[] = node.options ?? [];
        const definer = options.find(isSecurityDefiner);
        if (!definer || options.some(fixesSearchPath)) return;
        const name = nameParts(node.funcname);
        if (fixedLaterInMigration(context, name)) return;
        reportMissing(context, definer, node.is_procedure ? 'procedure' : 'function', name, !options.some(setsSearchPath));
      },
      AlterFunctionStmt(node) {
        const actions: AstNode[] = node.actions ?? [];
        const name = nameParts(node.func?.objname);
        const kind = node.objtype === 'OBJECT_PROCEDURE' ? 'procedure' : 'function';
        const definer = actions.find(isSecurityDefiner);
        if (definer) {
          if (actions.some(fixesSearchPath) || fixedLaterInMigration(context, name)) return;
          reportMissing(context, definer, kind, name, !actions.some(setsSearchPath));
          return;
        }
        const reset = actions.find(resetsSearchPath);
        if (!reset || actions.some((a) => a.DefElem?.defname === 'security')) return;
        if (!isDefinerNow(context, name) || fixedLaterInMigration(context, name)) return;
        context.report({
          messageId: 'resetSearchPath',
          data: { kind, name: name.join('.') },
          at: reset.DefElem,
          note: NOTE,
        });
      },
    };
  },
});

const NOTE =
  "Safe way: `SET search_path = ''` on the function and schema-qualified names in its body (`public.accounts`, " +
  '`pg_catalog.now()`), or a fixed list of trusted schemas ending in pg_temp (`SET search_path = public, pg_temp`). ' +
  'Also revoke EXECUTE from PUBLIC and grant it only to the roles that need it.';

/** Reports a definer without a fixed path; `suggest` when adding `SET search_path = ''` is not undone by another SET of it. */
function reportMissing(context: RuleContext, definer: AstNode, kind: string, name: string[], suggest: boolean): void {
  const range = definerRange(context, definer.DefElem);
  context.report({
    messageId: 'noSearchPath',
    data: { kind, name: name.join('.') },
    at: range ?? definer.DefElem,
    note: NOTE,
    ...(range && suggest ? { suggest: [{ messageId: 'addSearchPath', fix: { range: [range.end, range.end] as [number, number], text: " SET search_path = ''" } }] } : {}),
  });
}

function isSecurityDefiner(option: AstNode): boolean {
  const d = option.DefElem;
  return d?.defname === 'security' && d.arg?.Boolean?.boolval === true;
}

/** `SET search_path = …` / `FROM CURRENT` (a value fixed on the function), not `TO DEFAULT`. */
function fixesSearchPath(option: AstNode): boolean {
  const set = option.DefElem?.defname === 'set' ? option.DefElem.arg?.VariableSetStmt : undefined;
  return set?.name === 'search_path' && (set.kind === 'VAR_SET_VALUE' || set.kind === 'VAR_SET_CURRENT');
}

function setsSearchPath(option: AstNode): boolean {
  const set = option.DefElem?.defname === 'set' ? option.DefElem.arg?.VariableSetStmt : undefined;
  return set !== undefined && (set.name === 'search_path' || set.kind === 'VAR_RESET_ALL');
}

function resetsSearchPath(option: AstNode): boolean {
  const set = option.DefElem?.defname === 'set' ? option.DefElem.arg?.VariableSetStmt : undefined;
  if (!set) return false;
  if (set.kind === 'VAR_RESET_ALL') return true;
  return set.name === 'search_path' && (set.kind === 'VAR_RESET' || set.kind === 'VAR_SET_DEFAULT');
}

/** `SECURITY DEFINER` (or `EXTERNAL SECURITY DEFINER`): from the option's first token to `DEFINER`. */
function definerRange(context: RuleContext, defElem: AstNode): Range | undefined {
  const start = context.rangeOf(defElem).start;
  const tokens = context.tokensOf();
  const from = tokens.findIndex((t) => t.start === start);
  if (from === -1) return undefined;
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    if (isWord(tokens[i], 'definer')) return { start, end: tokens[i]!.end };
  }
  return undefined;
}

function modelName(context: RuleContext, parts: string[]): QualifiedName | undefined {
  const schema = context.schema;
  const name = parts.at(-1);
  if (!schema || !name) return undefined;
  return schema.resolve(parts.length > 1 ? { schema: parts.at(-2)!, name } : { name });
}

/** By the end of this migration, every SECURITY DEFINER overload of the name has a fixed search_path. */
function fixedLaterInMigration(context: RuleContext, parts: string[]): boolean {
  const name = modelName(context, parts);
  if (!name) return false;
  const overloads = context.schema!.after.functions(name);
  return overloads.length > 0 && overloads.every((f) => !f.securityDefiner || f.searchPath !== undefined);
}

/** The model says the function is SECURITY DEFINER (before this migration, or after it). */
function isDefinerNow(context: RuleContext, parts: string[]): boolean {
  const name = modelName(context, parts);
  if (!name) return false;
  return [...context.schema!.before.functions(name), ...context.schema!.after.functions(name)].some((f) => f.securityDefiner);
}
