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

export {
  LOCKFILE_NAME,
  LOCKFILE_VERSION,
  LockfileError,
  brokenChainAt,
  chainOf,
  compareLock,
  computeLock,
  computeSetLock,
  filePathOf,
  filesInOrder,
  formatLock,
  hashText,
  lockfilePathOf,
  normalizeText,
  parseLock,
  type LockChange,
  type LockEntry,
  type Lockfile,
  type SetLock,
} from './lockfile.js';

export { DEFAULT_INTENT_PATTERN, readIntent, type Intent, type IntentOptions } from './intent.js';
