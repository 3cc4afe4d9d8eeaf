// Small rules the tester's own tests run: one that fixes, one that suggests, one project rule.
import { defineRule, type Rule } from '@migralint/core';

/** `DROP TABLE x` → `DROP TABLE IF EXISTS x` (fix). */
export const preferIfExists: Rule = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Prefer DROP TABLE IF EXISTS.', url: 'https://example.com/rules/prefer-if-exists' },
    defaultSeverity: 'warning',
    recommended: false,
    fixable: true,
    messages: { missing: 'DROP TABLE {{table}} without IF EXISTS' },
    schema: { type: 'object', properties: { skip: { type: 'array', items: { type: 'string' }, default: [] } }, additionalProperties: false },
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TABLE' || node.missing_ok) return;
        const table = node.objects[0].List.items.at(-1).String.sval as string;
        if ((context.options.skip as string[] | undefined)?.includes(table)) return;
        const at = statement.start + 'DROP TABLE '.length;
        context.report({ messageId: 'missing', data: { table }, fix: { range: [at, at], text: 'IF EXISTS ' } });
      },
    };
  },
});

/** Like preferIfExists, but offers the edit as a suggestion. */
export const suggestIfExists: Rule = defineRule({
  meta: {
    ...preferIfExists.meta,
    fixable: false,
    hasSuggestions: true,
    messages: { missing: 'DROP TABLE {{table}} without IF EXISTS', addIfExists: 'Add IF EXISTS' },
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TABLE' || node.missing_ok) return;
        const at = statement.start + 'DROP TABLE '.length;
        context.report({ messageId: 'missing', data: { table: 'x' }, suggest: [{ messageId: 'addIfExists', fix: { range: [at, at], text: 'IF EXISTS ' } }] });
      },
    };
  },
});

/** A fix that breaks the SQL. */
export const breakingFix: Rule = defineRule({
  meta: { ...preferIfExists.meta },
  create(context) {
    return {
      DropStmt(_node, statement) {
        context.report({ messageId: 'missing', data: { table: 'x' }, fix: { range: [statement.start, statement.start + 4], text: 'DORP' } });
      },
    };
  },
});

/** Project phase: a table created by two files is reported in the later one. */
export const duplicateCreate: Rule = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'Report a table created twice in the history.', url: 'https://example.com/rules/duplicate-create' },
    defaultSeverity: 'error',
    recommended: false,
    messages: { again: 'Table {{table}} was already created in {{first}}' },
  },
  project(context) {
    const seen = new Map<string, string>();
    for (const file of context.project.files) {
      for (const statement of file.statements) {
        if (statement.kind !== 'CreateStmt') continue;
        const table = statement.node.relation.relname as string;
        const first = seen.get(table);
        if (first) context.report({ file: file.path, messageId: 'again', data: { table, first }, at: statement.node.relation });
        else seen.set(table, file.path);
      }
    }
  },
});
