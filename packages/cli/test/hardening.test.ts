// Issue #17: nothing a migration, a file name or a plugin contains can hijack the terminal, clobber
// a file, hang the run or hide a failure. One CLI-level test (or more) per item of the "Why",
// each run as a user would: the built binary, real files, real pipes and a real pseudo-terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bin, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const ESC = '\u001B';
/** An identifier that clears the screen, plants a hyperlink and overrides the text direction. */
const EVIL = `x${ESC}[2J${ESC}]8;;https://evil.example\u0007click${ESC}]8;;\u0007\u009B31m\u202Eabc`;

/** Control characters other than the report's own colours (ESC [ digits m) and line ends. */
function foreignControls(text: string): string[] {
  return [...text.replace(/\u001B\[\d+m/g, '').matchAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g)].map((m) => m[0]);
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function runOnTerminal(args: string[], cwd: string): { code: number | null; output: string } {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const run = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd, env: { ...process.env, COLUMNS: '100', NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { code: run.status, output: run.stdout.replaceAll('\r\n', '\n') };
}

describe('1. terminal injection: input is printed with its control characters made visible', () => {
  const project = () =>
    makeProject({
      'migralint.config.json': '{"rules": {"destructive/no-drop-column": "error"}}',
      [`migrations/0001_${EVIL.replaceAll('/', '_')}.sql`]: `ALTER TABLE t DROP COLUMN "${EVIL}";\n`,
    });

  it('not a terminal, with and without --color', async () => {
    const dir = project();
    for (const color of ['--color', '--no-color']) {
      const run = await runCli(['migrations', color], { cwd: dir });
      expect(run.code).toBe(1);
      expect(foreignControls(run.stdout)).toEqual([]);
      expect(run.stdout).toContain('0001_x\\x1b[2J\\x1b]8;;https:__evil.example\\x07click');
      expect(run.stdout).toContain('Dropping column "x\\x1b[2J\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\x9b31m\\u202eabc"');
    }
  });

  it('on a terminal (colours on), in findings, code frames and error messages', () => {
    const dir = project();
    const lint = runOnTerminal(['migrations', '--verbose'], dir);
    expect(lint.code).toBe(1);
    expect(lint.output).toContain(`${ESC}[31merror${ESC}[39m`);
    expect(lint.output).toContain('ALTER TABLE t DROP COLUMN');
    expect(foreignControls(lint.output)).toEqual([]);
    const missing = runOnTerminal([`nope${EVIL}.sql`], dir);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('nopex\\x1b[2J\\x1b]8;;');
    expect(foreignControls(missing.output)).toEqual([]);
  });
});

describe('8. writing to a closed pipe', () => {
  it('`migralint | head -1` ends quietly with the run\'s exit code', () => {
    // Enough findings to fill the pipe's buffer (64 KiB) after head has gone.
    const sql = Array.from({ length: 3000 }, (_, i) => `DROP TABLE t${i};`).join('\n');
    const dir = makeProject({ 'migrations/0001_drop.sql': `${sql}\n` });
    const script = `"${process.execPath}" "${bin}" migrations 2>stderr.txt | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const out = execFileSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out).toBe('migrations/0001_drop.sql\nexit=1\n');
    expect(fs.readFileSync(path.join(dir, 'stderr.txt'), 'utf8')).toBe('');
  });
});
