// The `migrations` rule pack: what the layout analysis finds wrong with a migration directory.
// The findings are data of the project model (ProjectModel.findings); the engine reports each one
// under its rule id when that rule is enabled for the file, so these rules carry only `meta`.

import { definePlugin } from '@migralint/core';
import downRunsAsUp from './rules/down-runs-as-up.js';
import duplicateVersion from './rules/duplicate-version.js';
import guessedRunner from './rules/guessed-runner.js';
import invalidMigration from './rules/invalid-migration.js';
import mixedLayout from './rules/mixed-layout.js';
import orphanDown from './rules/orphan-down.js';
import pairNameMismatch from './rules/pair-name-mismatch.js';
import planMismatch from './rules/plan-mismatch.js';
import skippedFile from './rules/skipped-file.js';
import unknownLayout from './rules/unknown-layout.js';
import versionOrder from './rules/version-order.js';

export const migrationsPlugin = definePlugin({
  name: 'migrations',
  rules: {
    'down-runs-as-up': downRunsAsUp,
    'duplicate-version': duplicateVersion,
    'guessed-runner': guessedRunner,
    'invalid-migration': invalidMigration,
    'mixed-layout': mixedLayout,
    'orphan-down': orphanDown,
    'pair-name-mismatch': pairNameMismatch,
    'plan-mismatch': planMismatch,
    'skipped-file': skippedFile,
    'unknown-layout': unknownLayout,
    'version-order': versionOrder,
  },
});
