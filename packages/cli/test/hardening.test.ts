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

const DROP_IF_EXISTS_PLUGIN = `
export default {
  name: 'fixy',
  rules: {
    'drop-if-exists': {
      meta: {
        type: 'suggestion', fixable: true, defaultSeverity: 'warning', recommended: true,
        docs: { description: 'DROP TABLE should say IF EXISTS' },
        messages: { add: 'Add IF EXISTS to DROP TABLE' },
      },
      create(context) {
        return {
          DropStmt(node) {
            if (node.removeType !== 'OBJECT_TABLE' || node.missing_ok) return;
            const table = context.tokensOf().find((t) => t.value === 'table');
            context.report({ messageId: 'add', fix: { range: [table.end, table.end], text: ' IF EXISTS' } });
          },
        };
      },
    },
  },
};
`;

/** Files in `dir` (recursively) whose names look like temporary files. */
function leftovers(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.tmp$/.test(name));
}

describe('2. no output file may be an input; --fix writes through symlinks', () => {
  it('a report path that is a migration, any .sql file, a linted file through a link, a config: usage error naming it, nothing written', async () => {
    const dir = makeProject({ 'migrations/0001_a.sql': 'SELECT 1;\n', 'migrations/notes.psql': 'SELECT 2;\n', 'migralint.config.json': '{}' });
    fs.symlinkSync('migrations/notes.psql', path.join(dir, 'report.json'));
    const cases: Array<[string[], RegExp]> = [
      [['migrations', '--format', 'sarif=migrations/0001_a.sql'], /--format sarif=migrations\/0001_a\.sql: migrations\/0001_a\.sql is an SQL file; write the report to a file such as report\.sarif/],
      [['migrations', '--format', 'json=other/new.SQL'], /other\/new\.SQL is an SQL file/],
      [['migrations/notes.psql', '--format', 'json=migrations/notes.psql'], /migrations\/notes\.psql is one of the files being linted/],
      [['migrations/notes.psql', '--format', 'json=report.json'], /report\.json is one of the files being linted/],
      [['migrations', '--format', 'json=migralint.config.json'], /migralint\.config\.json is a config or state file migralint reads/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(fs.readFileSync(path.join(dir, 'migrations/0001_a.sql'), 'utf8')).toBe('SELECT 1;\n');
    expect(fs.readFileSync(path.join(dir, 'migrations/notes.psql'), 'utf8')).toBe('SELECT 2;\n');
    expect(fs.readFileSync(path.join(dir, 'migralint.config.json'), 'utf8')).toBe('{}');
    expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
  });

  it('--fix on a symlinked migration fixes the real file and keeps the link, the mode, the BOM and CRLF', async () => {
    const dir = makeProject({
      'migralint.config.json': '{"plugins": ["./fixy.js"], "rules": {"fixy/drop-if-exists": "warn"}}',
      'fixy.js': DROP_IF_EXISTS_PLUGIN,
      'shared/0002_drop.sql': Buffer.from('\uFEFFDROP TABLE old;\r\n'),
      'migrations/0001_init.sql': 'CREATE TABLE t (id int);\n',
    });
    const real = path.join(dir, 'shared/0002_drop.sql');
    fs.chmodSync(real, 0o640);
    const link = path.join(dir, 'migrations/0002_drop.sql');
    fs.symlinkSync('../shared/0002_drop.sql', link);
    const run = await runCli(['migrations', '--fix'], { cwd: dir });
    expect(run.stderr).toBe('migralint: fixed 1 file: migrations/0002_drop.sql\n');
    expect(run.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('\uFEFFDROP TABLE IF EXISTS old;\r\n');
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('4. write failures are said as such, with the path, and leave no temporary file', () => {
  it('a directory as the report: usage error naming it', async () => {
    const dir = makeProject({ 'migrations/0001_a.sql': 'SELECT 1;\n', 'out/keep.txt': '' });
    const run = await runCli(['migrations', '--format', 'sarif=out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('migralint: --format sarif=out: out is a directory; name the report file inside it (e.g. out/migralint.sarif)\nRun "migralint --help" for usage.\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a full disk (/dev/full): "no space left", not an internal error', async () => {
    const dir = makeProject({ 'migrations/0001_a.sql': 'SELECT 1;\n' });
    const run = await runCli(['migrations', '--format', 'json=/dev/full'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('migralint: cannot write /dev/full: no space left on the device\n');
  });

  it('a directory without write permission: "permission denied" with the path, no temporary file', () => {
    const dir = makeProject({ 'migrations/0001_a.sql': 'SELECT 1;\n', 'reports/.keep': '' });
    fs.chmodSync(path.join(dir, 'reports'), 0o555);
    const run = runAsUser(['migrations', '--format', 'json=reports/out.json'], dir);
    expect(run.stderr).toBe(`migralint: cannot write ${path.join(dir, 'reports/out.json')}: permission denied\n`);
    expect(run.code).toBe(2);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('5. conflicting flags are usage errors', () => {
  it.each([
    [['--format', 'json', '--format', 'sarif'], /--format json and --format sarif would both write to standard output; send all but one to a file \(--format sarif=report\.sarif\)/],
    [['--format', 'json=a.json', '--format', 'sarif=a.json'], /two --format options write to a\.json/],
    [['--staged', '--changed-since', 'HEAD'], /--staged and --changed-since both choose which migrations to report; use one/],
    [['--color', '--no-color'], /--color and --no-color contradict each other/],
    [['--changed-since=--output=x.txt'], /--changed-since takes a git commit, branch or tag, not "--output=x\.txt"/],
    [['--print-config', 'migrations/0001_a.sql', 'migrations'], /--print-config FILE prints the config for one file; do not also pass paths/],
  ])('%j', async (args, message) => {
    const dir = makeProject({ 'migrations/0001_a.sql': 'SELECT 1;\n' });
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

/**
 * Runs the CLI so that file permissions apply to it. These tests run as root in CI, and root reads
 * and writes everything: as root the CLI runs without the capabilities that override permissions
 * (util-linux `setpriv`), so a file with mode 000 is unreadable even to its owner.
 */
function runAsUser(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const command = process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', process.execPath] : [process.execPath];
  const run = spawnSync(command[0]!, [...command.slice(1), bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('3, 4, 5. only regular files are read; what cannot be read is said, per file, and the run goes on', () => {
  const good = 'CREATE TABLE a (id bigint PRIMARY KEY);\n';

  it('a FIFO named on the command line or found in a folder: a clear message, never a hang, exit 2', async () => {
    const dir = makeProject({ 'm/0001_a.sql': good });
    execFileSync('mkfifo', [path.join(dir, 'm/0003_b.sql')]);
    for (const args of [['m/0003_b.sql'], ['m']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.stderr).toContain('migralint: cannot read m/0003_b.sql: it is a named pipe (FIFO), not a regular file; only regular files are linted');
      expect(run.code).toBe(2);
    }
    const folder = await runCli(['m', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(folder.stdout).files.map((f: { path: string }) => f.path)).toEqual(['m/0001_a.sql']);
    expect(folder.stderr).toMatch(/1 file or folder could not be read \(see above\): the run is incomplete \(exit 2\)\n$/);
    // With a file the engine cannot decode as well: one closing line naming both, said once.
    fs.writeFileSync(path.join(dir, 'm/0002_c.sql'), Buffer.from([0xc3, 0x28, 0x20, 0x62]));
    const both = await runCli(['m'], { cwd: dir });
    expect(both.stderr).toMatch(/migralint: 1 unreadable file; 1 file or folder could not be read \(see above\): the run is incomplete \(exit 2\)\n$/);
    expect(both.stderr.match(/the run is incomplete/g)).toHaveLength(1);
  }, 20_000);

  it('a directory symlink cycle: each file linted once, under one path', async () => {
    const dir = makeProject({ 'm/0001_a.sql': 'DROP TABLE x;\n' });
    fs.symlinkSync('..', path.join(dir, 'm/again'));
    const run = await runCli(['m', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['m/0001_a.sql']);
    expect(run.code).toBe(1);
  });

  it('a dangling .sql symlink is reported, in a folder and by name', async () => {
    const dir = makeProject({ 'm/0001_a.sql': good });
    fs.symlinkSync('../elsewhere/0002_b.sql', path.join(dir, 'm/0002_b.sql'));
    for (const args of [['m'], ['m/0002_b.sql']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.stderr).toContain('migralint: cannot read m/0002_b.sql: it is a symbolic link to ../elsewhere/0002_b.sql, which does not exist; fix or remove the link\n');
      expect(run.code).toBe(2);
    }
  });

  it('lock and plan, which need every file of a history, stop at one they cannot read', async () => {
    const dir = makeProject({ 'm/0001_a.sql': good });
    fs.symlinkSync('gone.sql', path.join(dir, 'm/0002_b.sql'));
    for (const command of ['lock', 'plan']) {
      const run = await runCli([command, 'm'], { cwd: dir });
      expect(run.stderr).toMatch(/^migralint( plan)?: cannot read m\/0002_b\.sql: it is a symbolic link to gone\.sql, which does not exist; fix or remove the link\n$/);
      expect(run.code).toBe(2);
    }
    expect(fs.existsSync(path.join(dir, 'migralint.lock'))).toBe(false);
  });

  it('a UTF-16 file is named as such, with the fix', async () => {
    const text = 'CREATE TABLE t (id int);\n';
    const dir = makeProject({
      'm/0001_bom.sql': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'm/0002_nobom.sql': Buffer.from(text, 'utf16le'),
      'm/0003_ok.sql': good,
    });
    const run = await runCli(['m'], { cwd: dir });
    expect(run.stderr).toContain('migralint: cannot read m/0001_bom.sql: it is UTF-16 text (little-endian, with a byte order mark); save it as UTF-8\n');
    expect(run.stderr).toContain('migralint: cannot read m/0002_nobom.sql: it is UTF-16 text (little-endian); save it as UTF-8\n');
    expect(run.stdout).not.toMatch(/binary/);
    expect(run.code).toBe(2);
  });

  it('an unreadable file: the file, the cause in words, the fix, no --help hint; the others still linted', () => {
    const dir = makeProject({ 'm/0001_a.sql': 'DROP TABLE x;\n', 'm/0002_secret.sql': good });
    fs.chmodSync(path.join(dir, 'm/0002_secret.sql'), 0o000);
    const run = runAsUser(['m'], dir);
    expect(run.stderr).toContain(`migralint: cannot read m/0002_secret.sql: permission denied; make it readable (chmod a+r ${path.join(dir, 'm/0002_secret.sql')}) or leave it out\n`);
    expect(run.stderr).not.toMatch(/--help|EACCES/);
    expect(run.stdout).toMatch(/m\/0001_a\.sql\n[\s\S]*Dropping table "x"/);
    expect(run.code).toBe(2);
  });

  it('an unreadable directory is said as such, not "no .sql files"', () => {
    const dir = makeProject({ 'm/0001_a.sql': good, 'm/old/0000_x.sql': good });
    fs.chmodSync(path.join(dir, 'm/old'), 0o000);
    const sub = runAsUser(['m'], dir);
    expect(sub.stderr).toContain('migralint: cannot read directory m/old: permission denied; its migrations were not linted (make it readable, or list it in .migralintignore)\n');
    expect(sub.code).toBe(2);
    fs.chmodSync(path.join(dir, 'm'), 0o311);
    const top = runAsUser(['m'], dir);
    expect(top.stderr).toBe('migralint: cannot read directory m: permission denied; its migrations were not linted (make it readable, or list it in .migralintignore)\n');
    expect(top.code).toBe(2);
  });
});

describe('3. plugins and config files that never finish loading', () => {
  it('a plugin whose top-level await never settles: a clear error naming it, not a silent exit 13', async () => {
    const dir = makeProject({
      'migralint.config.json': '{"plugins": ["./hang.js"]}',
      'hang.js': 'await new Promise(() => {});\nexport default { name: "hang", rules: {} };\n',
      'migrations/0001_a.sql': 'SELECT 1;\n',
    });
    const run = await runCli(['migrations'], { cwd: dir, env: { MIGRALINT_LOAD_TIMEOUT: '1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'migralint: config error: migralint.config.json: plugins[0]: plugin "./hang.js" failed to load: it did not finish loading within 1 s (a top-level await that never settles?); set MIGRALINT_LOAD_TIMEOUT=<seconds> if it really needs longer (fix or reinstall the plugin, or remove it from "plugins")\n',
    );
  });

  it('a config file that never finishes loading: the same, naming the file', async () => {
    const dir = makeProject({ 'migralint.config.js': 'await new Promise(() => {});\nexport default {};\n', 'migrations/0001_a.sql': 'SELECT 1;\n' });
    const run = await runCli(['migrations'], { cwd: dir, env: { MIGRALINT_LOAD_TIMEOUT: '1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: config error: migralint\.config\.js: failed to load: it did not finish loading within 1 s/);
  });
});

describe('6. config search stops at the project root', () => {
  it('a migralint.config.js above the project\'s .git is never run', async () => {
    const outer = makeProject({
      'migralint.config.js': `import fs from 'node:fs';\nfs.writeFileSync(new URL('./ran', import.meta.url), 'yes');\nexport default { rules: { 'destructive/no-drop-table': 'off' } };\n`,
      'project/migrations/0001_a.sql': 'DROP TABLE t;\n',
    });
    const project = path.join(outer, 'project');
    fs.mkdirSync(path.join(project, '.git'));
    const run = await runCli(['migrations'], { cwd: project });
    expect(fs.existsSync(path.join(outer, 'ran'))).toBe(false);
    // The recommended defaults apply: the parent's config did not turn the rule off.
    expect(run.stdout).toMatch(/Dropping table "t"/);
    expect(run.code).toBe(1);
  });

  it('nor above a workspace root without .git (pnpm-workspace.yaml, package.json "workspaces")', async () => {
    for (const marker of [{ 'pnpm-workspace.yaml': 'packages: ["*"]\n' }, { 'package.json': '{"workspaces": ["pkgs/*"]}' }]) {
      const outer = makeProject({
        'migralint.config.json': '{"rules": {"destructive/no-drop-table": "off"}}',
        ...Object.fromEntries(Object.entries(marker).map(([name, text]) => [`ws/${name}`, text])),
        'ws/pkgs/db/migrations/0001_a.sql': 'DROP TABLE t;\n',
      });
      const run = await runCli(['pkgs/db/migrations'], { cwd: path.join(outer, 'ws') });
      expect(run.stdout).toMatch(/Dropping table "t"/);
    }
  });
});
