// @migralint/verify: run the migration history on a real PostgreSQL — the embedded PGlite by
// default, or a server — and report what Postgres itself says: statements it rejects, downs that do
// not restore the schema, ups that cannot run twice, locks and rewrites on existing tables. And
// `plan`: what each migration creates, alters and drops, from the static schema model.
export { verifyProject, VerifyUsageError, type VerifyOptions, type VerifyOutcome, type VerifyReport, type SetReport, type SetupScript } from './verify-project.js';
export { formatVerifySummary } from './format-summary.js';
export { readProject, type ProjectRead, type ReadProjectInput } from './read-project.js';
export { buildPlan, type Plan, type PlanOptions, type PlannedMigration, type PlannedChange } from './plan.js';
export { formatPlan } from './format-plan.js';
export { createVerifyPlugin, verifyPlugin, VERIFY_RULES, type VerifyFinding, type VerifyRuleName } from './verify-plugin.js';
export { openPglite, defaultCacheDir, pgliteCacheFile, PGLITE_VERSION, PGLITE_EXTENSIONS, type PgliteOptions } from './pglite-database.js';
export { openServerDatabase, closeServerDatabases, DatabaseSetupError, redact } from './server-database.js';
export { checkHostAllowed, isLocalHost, parseDatabaseUrl } from './database-url.js';
export { VerifyDatabaseError, type Database, type PrivilegedSession, type SqlError } from './database.js';
export { takeSnapshot, diffSnapshots, formatDifference, type CatalogSnapshot, type SchemaDifference } from './catalog-snapshot.js';
export { SUPABASE_STUBS, BUILT_IN_SETUPS, RUNNER_TABLES } from './platform-stubs.js';
export { REWRITE_RULES, type CrossCheck } from './derive-findings.js';
export type { MigrationRun, StatementRun } from './run-history.js';
export type { LockRecord, RewriteRecord, LockMode } from './lock-trace.js';
export { verifyPlugin as default } from './verify-plugin.js';
