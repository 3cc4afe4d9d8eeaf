/**
 * `DROP DATABASE` in a migration deletes everything in that database at once, and every service
 * connected to it fails. It has no place in a schema migration; a database is retired by an
 * operator, with backups checked, not by a deploy. A database the same file created is exempt.
 */
import { defineRule, ruleDocsUrl, type Range } from '@migralint/core';
import { createdEarlierInFile } from '../new-objects.js';
import { isKeyword, isName } from '@migralint/core';

const NOTE =
  'Safe way: retire a database outside migrations: stop every service that connects to it, take and check a ' +
  'backup, then drop it by hand (or in an infrastructure change that a person approves).';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP DATABASE` in a migration.',
      url: ruleDocsUrl('destructive', 'no-drop-database'),
      why:
        'Dropping a database deletes all of its data and breaks every service connected to it; retiring a database is ' +
        'an operator’s task with a checked backup, not a step of a schema migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      dropDatabase:
        'Dropping database "{{database}}" deletes all of its data and breaks every service that connects to it; retire databases by hand with a checked backup, not in a migration',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-drop-database' }],
  },
  create(context) {
    return {
      DropdbStmt(node, statement) {
        const database = String(node.dbname ?? '');
        if (createdEarlierInFile(context.statements, statement, 'database', { schema: undefined, name: database })) return;
        // DROP DATABASE [IF EXISTS] name [[WITH] (FORCE)]: the name has no location.
        const tokens = context.tokensOf(statement);
        let i = 2;
        if (isKeyword(tokens[i], 'if') && isKeyword(tokens[i + 1], 'exists')) i += 2;
        const name = tokens[i];
        const at: Range | typeof statement = isName(name) && name.value === database ? { start: name.start, end: name.end } : statement;
        context.report({ messageId: 'dropDatabase', data: { database }, at, note: NOTE });
      },
    };
  },
});
