import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MigrationSet } from '@migralint/core';
import { brokenChainAt, compareLock, computeSetLock, formatLock, hashText, LockfileError, lockfilePathOf, parseLock, type Lockfile } from '../src/index.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A set of single-file migrations `<version>_m.sql` in `dir`, in the given order. */
function setOf(dir: string, versions: string[]): MigrationSet {
  return {
    layout: 'plain',
    dir,
    supportsDown: false,
    migrations: versions.map((version, index) => ({
      index,
      version,
      name: 'm',
      up: [{ file: `${dir}/${version}_m.sql`, direction: 'up', range: { start: 0, end: 0 }, transaction: 'transaction', transactionReason: '' }],
      down: [],
    })),
  };
}

function lockOf(versions: string[], texts: Record<string, string> = {}): Lockfile {
  return computeSetLock(setOf('db', versions), (file) => texts[file] ?? `-- ${file}\nSELECT 1;\n`);
}

describe('computeSetLock', () => {
  it('records path (relative to the set), version, sha256 and the chain, in the runner order', () => {
    const lock = lockOf(['001', '002']);
    const [a, b] = lock.migrations;
    expect(a).toEqual({ path: '001_m.sql', version: '001', sha256: sha('-- db/001_m.sql\nSELECT 1;\n'), chain: sha(sha('-- db/001_m.sql\nSELECT 1;\n')) });
    expect(b!.chain).toBe(sha(a!.chain + b!.sha256));
  });

  it('an edit of an early file changes the chain of every later entry, and only their chains', () => {
    const before = lockOf(['001', '002', '003']);
    const after = lockOf(['001', '002', '003'], { 'db/002_m.sql': 'SELECT 2;' });
    expect(after.migrations.map((e, i) => e.chain === before.migrations[i]!.chain)).toEqual([true, false, false]);
    expect(after.migrations.map((e, i) => e.sha256 === before.migrations[i]!.sha256)).toEqual([true, false, true]);
  });

  it('hashes text without a BOM and with \\n line ends, so a CRLF checkout is no edit', () => {
    expect(hashText('\uFEFFSELECT 1;\r\nSELECT 2;\r\n')).toBe(sha('SELECT 1;\nSELECT 2;\n'));
    expect(hashText('SELECT 1;\rSELECT 2;')).toBe(sha('SELECT 1;\nSELECT 2;'));
  });

  it('puts the lockfile in the set directory', () => {
    expect(lockfilePathOf(setOf('supabase/migrations', []))).toBe('supabase/migrations/migralint.lock');
    expect(lockfilePathOf(setOf('.', []))).toBe('migralint.lock');
  });
});

describe('formatLock / parseLock', () => {
  it('writes one migration per line and reads it back', () => {
    const lock = lockOf(['001', '002']);
    const text = formatLock(lock);
    expect(text.split('\n')).toHaveLength(9);
    expect(text).toMatch(/^ {4}\{"path": "001_m.sql", "version": "001", "sha256": "[0-9a-f]{64}", "chain": "[0-9a-f]{64}"\},$/m);
    expect(parseLock(text)).toEqual(lock);
    expect(parseLock(formatLock({ lockfileVersion: 1, migrations: [] }))).toEqual({ lockfileVersion: 1, migrations: [] });
  });

  it('two branches that each add a migration change the same last lines: git reports a conflict there', () => {
    const base = formatLock(lockOf(['001', '002'])).split('\n');
    const ours = formatLock(lockOf(['001', '002', '003'])).split('\n');
    const theirs = formatLock(lockOf(['001', '002', '004'])).split('\n');
    const firstDifference = (a: string[], b: string[]) => a.findIndex((line, i) => line !== b[i]);
    // Both sides keep the head and change the line of the last locked entry (its trailing comma) and what follows.
    expect(firstDifference(base, ours)).toBe(firstDifference(base, theirs));
    expect(firstDifference(base, ours)).toBe(base.length - 4);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['merge conflict markers', '{\n<<<<<<< HEAD\n  "a": 1\n=======\n  "a": 2\n>>>>>>> other\n}', /merge conflict \(line 2\).*migralint lock/],
    ['not JSON', '{"lockfileVersion": 1,', /not valid JSON/],
    ['not an object', '[]', /expected a JSON object/],
    ['a newer version', '{"lockfileVersion": 2, "migrations": []}', /written by a newer migralint/],
    ['no version', '{"migrations": []}', /lockfileVersion: expected 1, got undefined/],
    ['no migrations', '{"lockfileVersion": 1}', /^migrations: expected an array/],
    ['an entry without path', '{"lockfileVersion": 1, "migrations": [{"version": "1"}]}', /^migrations\[0\]\.path: expected a non-empty string/],
    ['a short hash', `{"lockfileVersion": 1, "migrations": [{"path": "a.sql", "version": "1", "sha256": "abc", "chain": "${'0'.repeat(64)}"}]}`, /^migrations\[0\]\.sha256: expected 64 lowercase hex digits/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name} with a clear message`, () => {
      expect(() => parseLock(text)).toThrow(LockfileError);
      expect(() => parseLock(text)).toThrow(message);
    });
  }

  it('rejects a path listed twice', () => {
    const lock = lockOf(['001']);
    const twice = { ...lock, migrations: [lock.migrations[0]!, lock.migrations[0]!] };
    expect(() => parseLock(JSON.stringify(twice))).toThrow('migrations[1].path: "001_m.sql" is listed twice (also migrations[0])');
  });
});

describe('brokenChainAt', () => {
  it('finds the entry of a hand-merged lockfile that keeps both sides of a conflict', () => {
    const ours = lockOf(['001', '002', '003']);
    const theirs = lockOf(['001', '002', '004']);
    expect(brokenChainAt(ours)).toBe(-1);
    const merged: Lockfile = { ...ours, migrations: [...ours.migrations, theirs.migrations[2]!] };
    expect(brokenChainAt(merged)).toBe(3);
  });
});

describe('compareLock', () => {
  const locked = lockOf(['001', '002', '003']);
  const kinds = (current: Lockfile) => compareLock(locked, current).map((c) => `${c.kind} ${'current' in c ? c.current.path : c.locked.path}`);

  it('nothing changed; a new file after the last locked one is only "added"', () => {
    expect(compareLock(locked, locked)).toEqual([]);
    expect(kinds(lockOf(['001', '002', '003', '004']))).toEqual(['added 004_m.sql']);
  });

  it('an edit', () => {
    const changes = compareLock(locked, lockOf(['001', '002', '003'], { 'db/002_m.sql': 'SELECT 2;' }));
    expect(changes).toEqual([{ kind: 'edited', locked: locked.migrations[1], current: expect.objectContaining({ path: '002_m.sql' }) }]);
  });

  it('a removal names the file that now runs in its place', () => {
    const changes = compareLock(locked, lockOf(['001', '003']));
    expect(changes).toEqual([{ kind: 'removed', locked: locked.migrations[1], next: expect.objectContaining({ path: '003_m.sql' }) }]);
    expect(compareLock(locked, lockOf(['001', '002']))).toEqual([{ kind: 'removed', locked: locked.migrations[2] }]);
  });

  it('an insertion before the last locked file, and where it lands', () => {
    const changes = compareLock(locked, lockOf(['001', '0015', '002', '003']));
    expect(changes).toEqual([{ kind: 'inserted', current: expect.objectContaining({ path: '0015_m.sql' }), before: locked.migrations[1] }]);
  });

  it('a rename: a removed file and a new one with the same content', () => {
    const texts = { 'db/0025_m.sql': '-- db/002_m.sql\nSELECT 1;\n' };
    expect(kinds(lockOf(['001', '0025', '003'], texts))).toEqual(['renamed 0025_m.sql']);
  });

  it('a reorder: the file that left the longest run of files still in their locked order', () => {
    // The same files, the runner order changed (a sqitch plan, a drizzle journal).
    const set = setOf('db', ['001', '002', '003']);
    set.migrations = [set.migrations[0]!, set.migrations[2]!, set.migrations[1]!];
    const current = computeSetLock(set, (file) => `-- ${file}\nSELECT 1;\n`);
    const changes = compareLock(locked, current);
    // 001 and 003 kept their order; 002 is the one that moved.
    expect(changes).toEqual([
      {
        kind: 'reordered',
        locked: locked.migrations[1],
        current: expect.objectContaining({ path: '002_m.sql' }),
        after: expect.objectContaining({ path: '003_m.sql' }),
        lockedAfter: locked.migrations[0],
      },
    ]);
  });
});
