// @migralint/rules-history: the migration history as it was applied — edited, removed, renamed,
// reordered or late-inserted migrations — checked against the set's lockfile (`migralint lock`)
// or, without one, against a git revision (`--changed-since`, `--staged`).
import { definePlugin } from '@migralint/core';
import editedMigration from './rules/edited-migration.js';
import versionBeforeLatest from './rules/version-before-latest.js';

export default definePlugin({
  name: 'history',
  rules: {
    'edited-migration': editedMigration,
    'version-before-latest': versionBeforeLatest,
  },
});

// The lockfile format lives in @migralint/migrations (`migralint lock` and these rules read it there).
