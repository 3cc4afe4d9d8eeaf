// SQL inside a PL/pgSQL body is linted like any other statement (docs/plpgsql.md), except what
// cannot be known before it runs: an EXECUTE of text built from variables, or a body the reader
// could not read. Saying so is the difference between "checked, fine" and "not checked".
import type { Statement } from '../types.js';
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export interface DynamicSqlOptions {
  /** Also report inside function and procedure bodies (they run later, when called). */
  functionBodies: boolean;
}

export default defineRule<DynamicSqlOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report SQL inside a DO block or PL/pgSQL function that migralint could not analyse.',
      url: ruleDocsUrl('migralint', 'dynamic-sql'),
      why: 'An EXECUTE of text built at run time can drop or lock anything, and no rule saw it; review it by hand, or build it from constants so it can be checked.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dynamic:
        'This EXECUTE runs SQL built at run time ({{reason}}), so no rule checked it; build it with format() and %I/%L from constant text where you can, or review what it runs by hand',
      unread: 'migralint could not read this part of the body ({{message}}), so no rule checked the SQL in it; review it by hand',
    },
    schema: {
      type: 'object',
      properties: {
        functionBodies: { type: 'boolean', description: 'Also report inside function and procedure bodies (off: they are not migration steps).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { functionBodies: false },
  },
  create(context) {
    const check = (statement: Statement) => {
      const body = statement.plpgsql;
      if (!body || (body.runs === 'later' && !context.options.functionBodies)) return;
      for (const dynamic of body.dynamic) context.report({ messageId: 'dynamic', data: { reason: dynamic.reason }, at: dynamic.range });
      for (const problem of body.problems) context.report({ messageId: 'unread', data: { message: problem.message }, at: problem.range });
    };
    return {
      DoStmt: (_node, statement) => check(statement),
      CreateFunctionStmt: (_node, statement) => check(statement),
    };
  },
});
