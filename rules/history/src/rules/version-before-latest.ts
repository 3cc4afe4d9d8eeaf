/**
 * Two branches each add a migration; the one with the older timestamp merges second. On databases
 * that already ran the newer one, the older version arrives late: golang-migrate never applies it
 * (it only moves forward from the database's version), the Supabase CLI, Flyway and goose refuse
 * to go on without a flag, dbmate and Prisma run it after the newer one — while a new database runs
 * it before. Either way production and fresh databases get different histories.
 *
 * New means added since `--changed-since REF` / `--staged` (git), or not in the set's
 * `migralint.lock`; the newest existing migration is the last one in the runner's order that is
 * not new. Without a lockfile and without git scoping, nothing is new and the rule stays quiet.
 */
import { defineRule, ruleDocsUrl, type LayoutName, type Migration } from '@migralint/core';
import { FILE_START, setHistories } from '../set-histories.js';

/** What the layout's runner does with a migration older than the newest applied one. */
const CONSEQUENCE: Partial<Record<LayoutName, string>> = {
  'golang-migrate': "golang-migrate only applies versions above the database's current one, so it never runs",
  supabase: '`supabase db push` refuses to run it without --include-all, which runs it out of order',
  flyway: 'Flyway fails validation unless outOfOrder is on, which runs it out of order',
  goose: 'goose refuses to run with a missing older version unless allow-missing is set, which runs it out of order',
  drizzle: "drizzle's migrator skips it",
  dbmate: 'dbmate runs it after the newer one, while new databases run it before',
  prisma: '`prisma migrate deploy` runs it after the newer one, while new databases run it before',
};
const DEFAULT_CONSEQUENCE = 'the runner skips it, or runs it after the newer one while new databases run it before';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report new migrations whose version sorts before the newest existing migration.',
      url: ruleDocsUrl('history', 'version-before-latest'),
      why:
        'A migration older than one that already ran is skipped or run out of order on databases that ran the newer one, ' +
        'so production and new databases get different histories. Give new migrations a version after the newest.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      beforeLatest:
        'New migration "{{file}}" (version {{version}}) sorts before "{{latest}}" (version {{latestVersion}}), which exists {{where}}: on databases that ran "{{latest}}", {{consequence}}; rename it with a version after {{latestVersion}}',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  project(context) {
    const { vcs } = context.project;
    const added = new Set(vcs?.added ?? []);
    for (const history of setHistories(context.project)) {
      const { locked } = history;
      if (!locked && !vcs) continue;
      const lockedFiles = new Set(locked?.migrations.map((e) => history.fileOf(e)) ?? []);
      const isNewFile = (file: string) => added.has(file) || (locked !== undefined && !lockedFiles.has(file));
      // A migration is new when its up files are (a down added to an old migration does not make it new).
      const filesOf = (m: Migration) => (m.up.length > 0 ? m.up : m.down).map((p) => p.file);
      const isNew = (m: Migration) => filesOf(m).length > 0 && filesOf(m).every(isNewFile);

      const migrations = history.set.migrations.filter((m) => !m.repeatable);
      const existing = migrations.filter((m) => !isNew(m));
      const latest = existing[existing.length - 1];
      if (!latest) continue;
      const latestFile = filesOf(latest)[0]!;
      // Not new means in the lockfile when there is one, else present at the git revision.
      const where = locked ? `in ${history.lockfile}` : `at ${vcs!.ref}`;
      const consequence = CONSEQUENCE[history.set.layout] ?? DEFAULT_CONSEQUENCE;
      for (const migration of migrations) {
        if (migration.index >= latest.index || !isNew(migration)) continue;
        const file = filesOf(migration)[0]!;
        context.report({
          file,
          messageId: 'beforeLatest',
          data: { file, version: migration.version, latest: latestFile, latestVersion: latest.version, where, consequence },
          at: FILE_START,
        });
      }
    }
  },
});
