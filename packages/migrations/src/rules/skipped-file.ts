/**
 * Runners decide from a file's name (or folder) whether it is a migration, and most skip the
 * rest silently — the Supabase CLI prints a line nobody reads in CI. A migration that never runs
 * leaves production without the change while every test database built another way has it.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a SQL file in a migration directory that its runner skips, so it never runs.',
      url: ruleDocsUrl('migrations', 'skipped-file'),
      why:
        'A skipped migration never reaches the database, silently: the deploy succeeds and the schema lacks the change. ' +
        "Only the runner's naming rules decide, so a near-miss name is enough.",
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      versionedName: 'This file never runs: its name does not match `{{pattern}}`, and {{runner}} skips names that do not; rename it (the version is the leading digits)',
      nestedFile: 'This file never runs: {{runner}} reads only the files directly in "{{dir}}", not subdirectories; move it up into "{{dir}}"',
      supabaseInit:
        'This file never runs: the Supabase CLI skips a first migration named `<timestamp>_init.sql` dated before 2021-12-09 (the legacy init schema); rename it if it must run',
      flywayNearMiss:
        'This file never runs: Flyway needs `V<version>__<description>.sql` (capital V, two underscores), and skips near misses like this one; rename it',
      sqitchOutside: 'This file never runs: sqitch reads scripts only from deploy/, revert/ and verify/ under "{{dir}}"; move it into one of them',
      prismaOutside: 'This file never runs: Prisma Migrate reads only `<folder>/migration.sql` in "{{dir}}"; move its SQL into a migration folder',
      prismaOtherFile: 'This file never runs: Prisma Migrate runs only migration.sql in folder "{{folder}}"; move its SQL into migration.sql',
      prismaNoMigrationSql:
        'Migration folder "{{folder}}" has no migration.sql, so this file never runs and `prisma migrate deploy` stops at the folder (P3015); put its SQL in migration.sql or delete the folder',
      directoryOutside: 'This file never runs: the runner reads only `<migration>/up.sql` and `down.sql` in "{{dir}}"; move its SQL into a migration directory',
      directoryOtherFile: 'This file never runs: {{runner}} runs only up.sql and down.sql of a migration directory; move its SQL into up.sql',
      drizzleOtherFile: "This file never runs: drizzle-kit's migrator reads only `<folder>/migration.sql`; move its SQL into a migration folder",
    },
  },
});
