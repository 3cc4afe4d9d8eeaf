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
