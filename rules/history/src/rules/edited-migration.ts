/**
 * A migration that already ran is history: the runner records it as applied and never runs it
 * again. Edit it, and every database that ran the old text keeps the old schema while new ones
 * (a teammate's, CI's, the next environment's) get the new one — the environments drift apart with
 * nothing to say so. Removing, renaming or reordering applied migrations does the same, and a new
 * migration slipped in before the newest applied one is skipped or run out of order.
 *
 * What counts as applied: the files in the set's `migralint.lock` (written by `migralint lock`),
 * compared by chained SHA-256; without a lockfile, under `--changed-since REF` / `--staged`, the
 * files that existed at REF. Without either, the rule has nothing to compare with and stays quiet.
 * The first changed line is named when the old text is known (git has it); otherwise the hash.
 */
import { defineRule, ruleDocsUrl, type ProjectContext } from '@migralint/core';
import { firstDifference, lineRange } from '../first-difference.js';
import { brokenChainAt, compareLock, hashText, type LockEntry } from '@migralint/migrations';
import { FILE_START, fileForMissing, setHistories, type SetHistory } from '../set-histories.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report migrations that were edited, removed, renamed, reordered or inserted before the newest one after they were applied.',
      url: ruleDocsUrl('history', 'edited-migration'),
      why:
        'The runner never runs an applied migration again, so an edit, removal or reorder reaches new databases but not the ' +
        'ones that already ran it: environments drift apart silently. Make every change in a new migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      edited:
        'Migration file "{{file}}" was edited {{since}} ({{change}}): databases that already ran it never run it again, so they and new databases end up with different schemas; restore the file and make the change in a new migration',
      removed:
        'Migration file "{{missing}}" was removed {{since}}: databases that ran it keep its changes while new databases never get them, and some runners refuse to run with an applied migration missing; restore the file, and undo its changes in a new migration if needed',
      renamed:
        'Migration file "{{missing}}" was renamed to "{{file}}" {{since}}: runners track applied migrations by version or name, so this one may run a second time where it already ran, or fail the runner\'s checks; restore the old name',
      reordered:
        'Migration file "{{file}}" now runs {{now}}, but {{lockfile}} has it running {{was}}: databases that ran the old order and new databases end up with different schemas; restore the old order',
      inserted:
        'New migration file "{{file}}" runs before "{{before}}", which {{lockfile}} records as applied: databases that ran "{{before}}" skip it or run it out of order; give it a version after the newest locked migration',
      brokenChain:
        'The entry of "{{file}}" in {{lockfile}} does not follow from the entries before it (a merge or hand edit), so the lockfile no longer proves the order; check the order of the newest migrations, then run `migralint lock`',
      badLockfile: '{{lockfile}} cannot be read, so edits of applied migrations go unnoticed: {{reason}}',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  project(context) {
    for (const history of setHistories(context.project)) {
      if (history.lockError !== undefined) {
        // Reported on the set's first file: the lockfile itself is not a file of the run.
        const first = history.current.migrations[0];
        if (first) context.report({ file: history.fileOf(first), messageId: 'badLockfile', data: { lockfile: history.lockfile, reason: history.lockError }, at: FILE_START });
        if (context.project.vcs) reportGitChanges(context, history);
      } else if (history.locked) reportLockChanges(context, history);
      else if (context.project.vcs) reportGitChanges(context, history);
    }
  },
});

function reportLockChanges(context: ProjectContext, history: SetHistory): void {
  const locked = history.locked!;
  const { vcs } = context.project;
  const { lockfile } = history;
  const since = `since it was locked in ${lockfile}`;
  const now = history.current.migrations;

  const broken = brokenChainAt(locked);
  if (broken >= 0) {
    const entry = locked.migrations[broken]!;
    const present = now.some((e) => e.path === entry.path);
    const file = present ? history.fileOf(entry) : fileForMissing(history, broken, vcs);
    if (file) context.report({ file, messageId: 'brokenChain', data: { file: history.fileOf(entry), lockfile }, at: FILE_START });
  }

  const place = (entry: LockEntry | undefined) => (entry ? `after "${history.fileOf(entry)}"` : 'first');
  for (const change of compareLock(locked, history.current)) {
    switch (change.kind) {
      case 'edited': {
        const file = history.fileOf(change.current);
        const text = history.textOf(file) ?? '';
        // The old text, when git has exactly the locked one: then we can say which line changed.
        const old = vcs?.contentAtRef(file);
        const difference = old !== undefined && hashText(old) === change.locked.sha256 ? firstDifference(old, text) : undefined;
        const description = difference?.description ?? `its SHA-256 is now ${short(change.current.sha256)}, the lockfile has ${short(change.locked.sha256)}`;
        const at = difference ? lineRange(text, difference.line) : FILE_START;
        context.report({ file, messageId: 'edited', data: { file, since, change: description }, at });
        break;
      }
      case 'removed': {
        const position = change.next ? now.indexOf(change.next) : now.length;
        const file = fileForMissing(history, position, vcs);
        if (file) context.report({ file, messageId: 'removed', data: { missing: history.fileOf(change.locked), since }, at: FILE_START });
        break;
      }
      case 'renamed': {
        const file = history.fileOf(change.current);
        context.report({ file, messageId: 'renamed', data: { missing: history.fileOf(change.locked), file, since }, at: FILE_START });
        break;
      }
      case 'reordered': {
        const file = history.fileOf(change.current);
        context.report({ file, messageId: 'reordered', data: { file, now: place(change.after), was: place(change.lockedAfter), lockfile }, at: FILE_START });
        break;
      }
      case 'inserted': {
        const file = history.fileOf(change.current);
        context.report({ file, messageId: 'inserted', data: { file, before: history.fileOf(change.before), lockfile }, at: FILE_START });
        break;
      }
      case 'added':
        break;
    }
  }
}

/** No lockfile: the files that existed at the git revision are the applied ones. */
function reportGitChanges(context: ProjectContext, history: SetHistory): void {
  const vcs = context.project.vcs!;
  const since = `since ${vcs.ref}`;
  const now = history.current.migrations;
  const files = now.map((e) => history.fileOf(e));
  const modified = new Set(vcs.modified);
  for (const file of files) {
    if (!modified.has(file)) continue;
    const text = history.textOf(file) ?? '';
    const old = vcs.contentAtRef(file);
    if (old === undefined) {
      context.report({ file, messageId: 'edited', data: { file, since, change: `git says it differs from ${vcs.ref}` }, at: FILE_START });
      continue;
    }
    const difference = firstDifference(old, text);
    // Only line ends or a BOM changed: the runner sees the same migration.
    if (!difference) continue;
    context.report({ file, messageId: 'edited', data: { file, since, change: difference.description }, at: lineRange(text, difference.line) });
  }

  const present = new Set(files);
  const added = vcs.added.filter((f) => present.has(f));
  for (const missing of vcs.deleted.filter((f) => belongsTo(history, f) && !present.has(f))) {
    const old = vcs.contentAtRef(missing);
    const oldSha = old === undefined ? undefined : hashText(old);
    const renamedTo = oldSha === undefined ? undefined : added.find((f) => hashText(history.textOf(f) ?? '') === oldSha);
    if (renamedTo) {
      context.report({ file: renamedTo, messageId: 'renamed', data: { missing, file: renamedTo, since }, at: FILE_START });
      continue;
    }
    // Where it ran: among files ordered by name, which is how most runners order them.
    const position = files.findIndex((f) => f > missing);
    const file = fileForMissing(history, position === -1 ? files.length : position, vcs);
    if (file) context.report({ file, messageId: 'removed', data: { missing, since }, at: FILE_START });
  }
}

/**
 * Was this deleted path a migration file of the set? An SQL file directly in the set's directory,
 * in a per-migration directory of it (`<version>_<name>/up.sql`) or in sqitch's `deploy/`,
 * `revert/`, `verify/`. Git no longer has it in the tree, so the layout cannot be asked.
 */
function belongsTo(history: SetHistory, file: string): boolean {
  if (!file.endsWith('.sql')) return false;
  const dir = history.set.dir.replace(/\/+$/, '');
  if (dir !== '.' && !file.startsWith(`${dir}/`)) return false;
  const segments = (dir === '.' ? file : file.slice(dir.length + 1)).split('/');
  if (segments.length === 1) return !segments[0]!.startsWith('.');
  return segments.length === 2 && (/^\d/.test(segments[0]!) || SQITCH_DIRS.has(segments[0]!));
}

const SQITCH_DIRS = new Set(['deploy', 'revert', 'verify']);

const short = (sha: string) => `${sha.slice(0, 12)}…`;
