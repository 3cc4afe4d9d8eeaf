// @migralint/rules-history: the migration history as it was applied — edited, removed, renamed,
// reordered or late-inserted migrations — checked against the set's lockfile (`migralint lock`)
// or, without one, against a git revision (`--changed-since`, `--staged`) — and each migration's
// intent (why it exists), which plan and the MCP tools also read.
import { definePlugin } from '@migralint/core';
import editedMigration from './rules/edited-migration.js';
import requireIntent from './rules/require-intent.js';
import versionBeforeLatest from './rules/version-before-latest.js';

export default definePlugin({
  name: 'history',
  rules: {
    'edited-migration': editedMigration,
    'require-intent': requireIntent,
    'version-before-latest': versionBeforeLatest,
  },
});

// The lockfile format lives in @migralint/migrations (`migralint lock` and these rules read it there).

export { DEFAULT_INTENT_PATTERN, readIntent, type Intent, type IntentOptions } from './intent.js';
