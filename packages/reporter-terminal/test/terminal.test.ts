import { describe, expect, it } from 'vitest';
import { format } from '@migralint/reporter-terminal';
import type { LintResult } from '@migralint/core';
import { CLEANUP_PATH, cleanupMigration, lintDemo, lintRealistic } from '../../../test/support/reporter-demo.js';

const cwd = '/project';
const ESC = '\u001B[';

describe('terminal report of a real lint() result', () => {
  it('prints findings by file, run problems, then the summary', async () => {
    expect(format(await lintRealistic(), { cwd })).toBe(
      [
        'supabase/migrations/20260101000000_init.sql',
        '  1:14-1:24  info  Creates table ünïcode_😀  demo/table-created',
        '',
        'supabase/migrations/20260219120000_cleanup.sql',
        '  3:1-3:42  error    Dropping column "legacy_flag" breaks code that still reads it  demo/no-drop-column',
        '  4:1-4:46  warning  Add `IF NOT EXISTS` to `CREATE INDEX`  demo/require-if-not-exists',
        '',
        '✖ internal error: Rule demo/crashes-on-truncate crashed on /project/supabase/migrations/20260101000000_init.sql: boom. Its findings for this file are incomplete; please report this to the rule\'s authors.',
        '',
        '✖ 1 error, ⚠ 1 warning, ℹ 1 info, ✖ run failed (1 run problem), 1 suppressed',
        '',
      ].join('\n'),
    );
  });

  it('shows the full rule id exactly once per finding', async () => {
    const output = format(await lintRealistic(), { cwd });
    expect(output.match(/demo\/no-drop-column/g)).toHaveLength(1);
    expect(output).not.toMatch(/no-drop-column\s+demo\b/);
  });

  it('never prints or counts suppressed findings', async () => {
    const output = format(await lintRealistic(), { cwd });
    expect(output).not.toContain('demo/no-drop-table');
    expect(output).not.toContain('Dropping a table');
    expect(output).toContain('1 suppressed');
  });

  it('adds a code frame, the why, the note and the docs link with verbose, and the stack of a run problem', async () => {
    const output = format(await lintRealistic(), { cwd, verbose: true });
    expect(output).toContain(
      [
        '  3:1-3:42  error    Dropping column "legacy_flag" breaks code that still reads it  demo/no-drop-column',
        '    --> supabase/migrations/20260219120000_cleanup.sql:3:1',
        '       3 | ALTER TABLE users DROP COLUMN legacy_flag;',
        '         | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '                     Why: Application code still running against the old schema breaks as soon as the column is gone.',
        '                     Safe way: stop reading the column in a release, then drop it in a later migration.',
        '                     Docs: https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md',
      ].join('\n'),
    );
    expect(output).toMatch(/rule's authors\.\n {4}Error: boom\n {8}at /);
  });

  it('wraps messages under their start to the terminal width, rule id last, never padded', async () => {
    const output = format(await lintRealistic(), { cwd, width: 60 });
    expect(output).toContain(
      [
        '  3:1-3:42  error    Dropping column "legacy_flag" breaks',
        '                     code that still reads it',
        '                     demo/no-drop-column',
        '  4:1-4:46  warning  Add `IF NOT EXISTS` to `CREATE INDEX`',
        '                     demo/require-if-not-exists',
      ].join('\n'),
    );
    // Every line fits, except a single word longer than the width (a path is never broken).
    for (const line of output.split('\n')) if (line.length > 60) expect(line.trim().split(' ').filter((word) => word.length > 40)).toHaveLength(1);
  });

  it('cuts a long source line in the code frame around the finding, to the width', async () => {
    const content = `SELECT '${'x'.repeat(150)}'; ALTER TABLE t DROP COLUMN legacy_flag, ADD COLUMN ${'y'.repeat(100)} int;\n`;
    const output = format(await lintDemo([{ path: CLEANUP_PATH, content }]), { cwd, verbose: true, width: 80 });
    const frame = output.split('\n').filter((line) => /^\s+(\d+ )?\| /.test(line));
    expect(frame).toHaveLength(2);
    for (const line of frame) expect(line.length).toBeLessThanOrEqual(80);
    expect(frame[0]).toMatch(/^ {7}1 \| …x+'; ALTER TABLE t DROP COLUMN legacy_flag, ADD CO…$/);
    // The carets start under the finding (the statement, from ALTER) and stop at the width.
    expect(frame[1]!.indexOf('^')).toBe(frame[0]!.indexOf('ALTER'));
    expect(frame[1]!.length).toBe(frame[0]!.length);
  });

  it('shows escapes, not control characters, from identifiers, paths, messages and notes, with or without colour', async () => {
    const evil = '\u001B[2J\u001B]8;;evil.example\u0007x\u009B31m\u202Eabc\r\n';
    const content = `ALTER TABLE t DROP COLUMN "${evil}";\n`;
    const result = await lintDemo([{ path: `/project/0002_${evil}.sql`, content }]);
    result.notifications.push({ level: 'warning', file: `/project/${evil}.sql`, message: `plugin says ${evil}`, detail: `stack ${evil}` });
    for (const color of [false, true]) {
      const output = format(result, { cwd, color, verbose: true, width: 100 });
      // Colour on: only our own SGR sequences (ESC [ digits m) remain.
      const withoutOurColours = output.replace(/\u001B\[\d+m/g, '');
      expect(withoutOurColours).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(withoutOurColours).toContain('0002_\\x1b[2J\\x1b]8;;evil.example\\x07x\\x9b31m\\u202eabc\\r\\n.sql');
      expect(withoutOurColours).toContain('Dropping column "\\x1b[2J');
      expect(withoutOurColours).toContain('plugin says \\x1b[2J');
    }
  });

  it('shows errors only with quiet, and hides files left without findings', async () => {
    const output = format(await lintRealistic(), { cwd, quiet: true });
    expect(output).toBe(
      [
        'supabase/migrations/20260219120000_cleanup.sql',
        '  3:1-3:42  error  Dropping column "legacy_flag" breaks code that still reads it  demo/no-drop-column',
        '',
        '✖ internal error: Rule demo/crashes-on-truncate crashed on /project/supabase/migrations/20260101000000_init.sql: boom. Its findings for this file are incomplete; please report this to the rule\'s authors.',
        '',
        '✖ 1 error, ✖ run failed (1 run problem), 1 suppressed',
        '',
      ].join('\n'),
    );
  });

  it('prints one success line on a clean run', async () => {
    const result = await lintDemo([
      { path: '/project/a.sql', content: 'SELECT 1;\n' },
      { path: '/project/b.sql', content: 'SELECT 2;\n' },
    ]);
    expect(format(result, { cwd })).toBe('✔ no problems in 2 files\n');
  });

  it('counts a file whose only finding is suppressed as clean', async () => {
    const content = '-- migralint-disable-next-statement demo/no-drop-table -- archived in S3 first\nDROP TABLE t;\n';
    expect(format(await lintDemo([{ path: '/project/a.sql', content }]), { cwd })).toBe('✔ no problems in 1 file, 1 suppressed\n');
  });

  it('uses colour only when asked', async () => {
    const result = await lintDemo([{ path: CLEANUP_PATH, content: cleanupMigration }]);
    expect(format(result, { cwd })).not.toContain(ESC);
    expect(format(result, { cwd, color: false })).not.toContain(ESC);
    const coloured = format(result, { cwd, color: true });
    expect(coloured).toContain(`${ESC}31merror${ESC}39m`);
    expect(coloured).toContain(`${ESC}31m✖${ESC}39m 1 error, ${ESC}33m⚠${ESC}39m 1 warning`);
  });

  it('prints paths relative to the cwd', async () => {
    const result = await lintDemo([{ path: CLEANUP_PATH, content: cleanupMigration }]);
    expect(format(result, { cwd: '/project/supabase' }).split('\n')[0]).toBe('migrations/20260219120000_cleanup.sql');
  });
});

describe('run problems lint() does not easily produce', () => {
  async function withNotifications(notifications: LintResult['notifications'], failed: boolean): Promise<LintResult> {
    const clean = await lintDemo([{ path: '/project/a.sql', content: 'SELECT 1;\n' }]);
    return { ...clean, notifications, failed };
  }

  it('names the rule and file when the message does not, and shows warnings and notes', async () => {
    const result = await withNotifications(
      [
        { level: 'error', ruleId: 'acme/x', file: '/project/a.sql', message: 'TypeError: cannot read "name"' },
        { level: 'warning', file: '/project/a.sql', message: 'File is larger than 1 MB; linted anyway' },
        { level: 'note', message: 'Cache rebuilt' },
      ],
      true,
    );
    expect(format(result, { cwd })).toBe(
      [
        '✖ internal error: rule acme/x: TypeError: cannot read "name" (a.sql)',
        '⚠ File is larger than 1 MB; linted anyway (a.sql)',
        'ℹ Cache rebuilt',
        '',
        '✖ run failed (1 run problem)',
        '',
      ].join('\n'),
    );
    expect(format(result, { cwd, quiet: true })).toBe(
      ['✖ internal error: rule acme/x: TypeError: cannot read "name" (a.sql)', '', '✖ run failed (1 run problem)', ''].join('\n'),
    );
  });

  it('does not claim success when the run failed without findings', async () => {
    expect(format(await withNotifications([], true), { cwd })).toBe('✖ run failed\n');
  });

  it('does not mutate the result other reporters read', async () => {
    const result = await lintRealistic();
    const before = result.files.map((file) => file.file.messages.map((message) => ({ ...message })));
    format(result, { cwd, verbose: true });
    expect(result.files.map((file) => file.file.messages.map((message) => ({ ...message })))).toEqual(before);
  });
});
