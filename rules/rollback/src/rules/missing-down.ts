/**
 * A migration without a down cannot be rolled back: when the deploy goes wrong, someone writes the
 * rollback by hand, under pressure, against production. Teams that keep downs want every new
 * migration to have one — or to say in writing that it cannot have one
 * (`-- migralint-irreversible: <why and what is lost>`).
 *
 * Checked for the layouts in `layouts` (by default every layout whose runner has downs, except
 * Flyway, whose undo scripts are a paid feature most teams do not use). Migrations before `since`
 * are grandfathered; without `since`, those before the history's first down are (the team adopted
 * downs there: hatchet wrote its first at its 87th migration). A down without an up is `migrations/orphan-down`'s, not this rule's.
 */
import { defineRule, ruleDocsUrl, type Migration, type MigrationSet, type SourceFile } from '@migralint/core';
import { effectiveStatements, filesOf, migrationLabel, setsWithDowns, downLayoutsOption, type DownLayout } from '../history.js';
import { isDeclaredIrreversible } from '../irreversible-annotation.js';
import { checkSetsWithoutDownsOption, policyApplies, sinceOption, usesDowns } from '../policy-start.js';

export const DEFAULT_LAYOUTS: readonly DownLayout[] = ['golang-migrate', 'paired-down', 'dbmate', 'goose', 'sqitch', 'directory-per-migration'];

interface Options {
  layouts: DownLayout[];
  checkSetsWithoutDowns: boolean;
  since?: string;
}

export default defineRule<Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a down migration for every up migration, in layouts that have downs.',
      url: ruleDocsUrl('rollback', 'missing-down'),
      why: 'A migration without a down cannot be rolled back when a deploy goes wrong; someone then writes the rollback by hand against production. Write the down with the up, or say in writing why there can be none.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      missing:
        'Migration {{migration}} has no down, so it cannot be rolled back; add {{down}} that undoes it, or mark it `-- migralint-irreversible: <why and what is lost>` if it cannot be undone',
    },
    schema: {
      type: 'object',
      properties: {
        layouts: downLayoutsOption('Layouts whose migrations must have a down.'),
        checkSetsWithoutDowns: checkSetsWithoutDownsOption,
        since: sinceOption,
      },
      additionalProperties: false,
    },
    defaultOptions: { layouts: [...DEFAULT_LAYOUTS], checkSetsWithoutDowns: false },
  },
  project(context) {
    const { model } = context.project;
    const files = filesOf(context.project);
    const tokensOf = context.tokensOf;
    const layouts = new Set<string>(context.options.layouts);
    for (const set of setsWithDowns(context.project)) {
      if (!layouts.has(set.layout) || !(context.options.checkSetsWithoutDowns || usesDowns(set))) continue;
      const applies = policyApplies(set, context.options.since);
      // Without `since`, the policy starts where the history's downs start.
      const adopted = context.options.since === undefined ? set.migrations.findIndex((m) => m.down.length > 0) : -1;
      for (const migration of set.migrations) {
        if (migration.repeatable || migration.up.length === 0 || migration.down.length > 0 || !applies(migration)) continue;
        if (migration.index < adopted) continue;
        const part = migration.up[0]!;
        const first = migration.up.map((p) => effectiveStatements(files.get(p.file), p)[0]).find((s) => s !== undefined);
        if (!first) continue; // an up that changes nothing needs no down
        // Ory popx refuses an up without a down: `migrations/invalid-migration` says so already.
        if (model.findings.some((f) => f.file === part.file && f.descriptor.messageId === 'popxNoDown')) continue;
        if (isDeclaredIrreversible(migration, files, tokensOf)) continue;
        context.report({
          file: part.file,
          messageId: 'missing',
          data: { migration: migrationLabel(migration, set.layout), down: expectedDown(set, migration, files.get(part.file)) },
          at: first,
        });
      }
    }
  },
});

/** Where the runner looks for the down of `migration`. */
function expectedDown(set: MigrationSet, migration: Migration, up: SourceFile | undefined): string {
  const path = up?.path ?? migration.up[0]!.file;
  const base = path.slice(path.lastIndexOf('/') + 1);
  switch (set.layout) {
    case 'golang-migrate':
      return `\`${base.replace(/\.up\.sql$/, '.down.sql')}\``;
    case 'paired-down':
      return `\`${base.replace(/\.sql$/, '.down.sql')}\``;
    case 'dbmate':
      return 'a `-- migrate:down` section';
    case 'goose':
      return 'a `-- +goose Down` section';
    case 'flyway':
      return `\`U${migration.version}__${migration.name}.sql\``;
    case 'sqitch':
      return `\`revert/${base}\``;
    case 'directory-per-migration':
      return '`down.sql` beside `up.sql`';
    default:
      return 'a down migration';
  }
}
