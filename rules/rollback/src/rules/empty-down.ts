/**
 * A down with no statement — an empty `.down.sql`, a `-- migrate:down` section with only comments,
 * goose's untouched `SELECT 'down SQL query';` — tells the runner the rollback succeeded while it
 * left everything the up did in place. It is worse than no down: nobody notices. Write the
 * statements that undo the up, or say in writing that it cannot be undone
 * (`-- migralint-irreversible: <why and what is lost>`).
 *
 * Statements that change nothing (BEGIN/COMMIT, SET, a SELECT of constants) do not count. A down
 * whose up changes nothing either is fine. Migrations before `since` are grandfathered.
 */
import { defineRule, ruleDocsUrl, type MigrationPart } from '@migralint/core';
import { effectiveStatements, filesOf, migrationLabel, partStartRange, setsWithDowns, statementsOf } from '../history.js';
import { isDeclaredIrreversible } from '../irreversible-annotation.js';
import { policyApplies, sinceOption } from '../policy-start.js';

interface Options {
  since?: string;
}

export default defineRule<Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a down migration that has no statement doing anything.',
      url: ruleDocsUrl('rollback', 'empty-down'),
      why: 'An empty down makes a rollback "succeed" while everything the up did stays in place; nobody notices until the next deploy fails. Undo the up, or say in writing that it cannot be undone.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      empty:
        'The down of {{migration}} has no statement, so a rollback reports success and undoes nothing; write the statements that undo the up, or mark it `-- migralint-irreversible: <why and what is lost>`',
      noEffect:
        'The down of {{migration}} only has statements that change nothing ({{kinds}}), so a rollback undoes nothing; write the statements that undo the up, or mark it `-- migralint-irreversible: <why and what is lost>`',
    },
    schema: {
      type: 'object',
      properties: { since: sinceOption },
      additionalProperties: false,
    },
  },
  project(context) {
    const files = filesOf(context.project);
    for (const set of setsWithDowns(context.project)) {
      const applies = policyApplies(set, context.options.since);
      for (const migration of set.migrations) {
        if (migration.up.length === 0 || migration.down.length === 0 || !applies(migration)) continue;
        const changes = (parts: readonly MigrationPart[]) => parts.some((p) => effectiveStatements(files.get(p.file), p).length > 0);
        // dbmate pairs the sections of its one file in order. Elsewhere the down parts together
        // answer every up part (Ory's steps of one change, in several files): the down is empty
        // only when every part is, and then it is reported once, at its first part.
        const paired = migration.up.length === migration.down.length && migration.up.every((p, i) => p.file === migration.down[i]!.file);
        const checks: Array<{ part: MigrationPart; answers: readonly MigrationPart[] }> = paired
          ? migration.down.map((part, i) => ({ part, answers: [migration.up[i]!] }))
          : changes(migration.down)
            ? []
            : [{ part: migration.down[0]!, answers: migration.up }];
        let declared: boolean | undefined;
        checks.forEach(({ part, answers }) => {
          const file = files.get(part.file);
          if (!file || effectiveStatements(file, part).length > 0 || !changes(answers)) return;
          declared ??= isDeclaredIrreversible(migration, files, context.tokensOf);
          if (declared) return;
          const statements = statementsOf(file, part);
          const kinds = [...new Set(statements.map((s) => label(s.kind)))].join(', ');
          context.report({
            file: part.file,
            messageId: statements.length === 0 ? 'empty' : 'noEffect',
            data: { migration: migrationLabel(migration, set.layout), kinds },
            at: statements.length === 0 ? partStartRange(file, part) : statements[0]!,
          });
        });
      }
    }
  },
});

function label(kind: string): string {
  switch (kind) {
    case 'TransactionStmt':
      return 'transaction control';
    case 'VariableSetStmt':
    case 'VariableShowStmt':
      return 'SET';
    case 'SelectStmt':
      return 'SELECT';
    default:
      return kind;
  }
}
