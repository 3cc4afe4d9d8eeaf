// Every kind of bad input: a clear one-line message naming the file and the fix, no stack trace,
// the right exit code, the rest of the run going on where it can, and nothing written to disk.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli, snapshotTree } from './run-cli.js';

beforeAll(assertBuilt);

const good = 'CREATE TABLE a (id bigint PRIMARY KEY);\n';
const bad = 'ALTER TABLE users DROP COLUMN legacy_flag;\n';

function noStack(text: string) {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('bad input', () => {
  it('invalid SQL: reported at its line, the other statements still linted, exit 1', async () => {
    const dir = makeProject({ 'migrations/1_x.sql': 'SELECT 1;\nCREAT TABLE t (id int);\nDROP TABLE old_things;\n' });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/2:1-2:6\s+error\s+PostgreSQL cannot parse this statement: syntax error at or near "CREAT".*migralint\/parse-error/);
    expect(run.stdout).toMatch(/3:12-3:22\s+error\s+Dropping table "old_things"/);
  });

  it('empty file: a warning naming the file, exit 0', async () => {
    const dir = makeProject({ 'migrations/1_empty.sql': '', 'migrations/2_ok.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/migrations\/1_empty\.sql\n\s*1:1-1:1\s+warning\s+File contains no SQL statement.*migralint\/empty-file/);
  });

  it('binary and non-UTF-8 files: clear errors, the other files still linted, exit 2', async () => {
    const dir = makeProject({
      'migralint.config.json': '{"rules": {"destructive/no-drop-column": "error"}}',
      'migrations/1_image.sql': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'migrations/2_latin1.sql': Buffer.from([...Buffer.from("SELECT 'caf"), 0xe9, ...Buffer.from("';\n")]),
      'migrations/3_bad.sql': bad,
    });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/1_image\.sql\n\s*1:1-1:1\s+error\s+Cannot lint this file: it is binary \(NUL byte at byte 8\)/);
    expect(run.stdout).toMatch(/2_latin1\.sql\n\s*1:1-1:1\s+error\s+Cannot lint this file: it is not valid UTF-8 \(at byte 11, line 1\); save it as UTF-8/);
    expect(run.stdout).toMatch(/3_bad\.sql\n\s*1:\d+-1:\d+\s+error\s+Dropping column "legacy_flag"/);
    expect(run.stderr).toMatch(/2 unreadable files: the run is incomplete \(exit 2\)/);
  });

  it('a BOM and CRLF line ends: positions unchanged', async () => {
    const dir = makeProject({
      'migralint.config.json': '{"rules": {"destructive/no-drop-column": "error"}}',
      'migrations/1_x.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SELECT 1;\r\nALTER TABLE t DROP COLUMN c;\r\n')]),
    });
    const run = await runCli(['migrations', '--format', 'json'], { cwd: dir });
    const message = JSON.parse(run.stdout).files[0].messages[0];
    expect([message.line, message.column, message.endLine, message.endColumn]).toEqual([2, 27, 2, 28]);
  });

  it('psql meta-commands: a warning per command, the SQL around them linted', async () => {
    // A runner that sends SQL to the server (sqlx, from Cargo.toml): under psql the commands would be fine.
    const dir = makeProject({ 'migrations/1_x.sql': '\\set ON_ERROR_STOP on\n\\i common.sql\nDROP TABLE t;\n', 'Cargo.toml': '[dependencies]\nsqlx = "0.8"\n' });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1:1-1:22\s+warning\s+psql meta-command \\set is not SQL/);
    expect(run.stdout).toMatch(/2:1-2:14\s+warning\s+psql meta-command \\i is not SQL/);
    expect(run.stdout).toMatch(/3:12-3:13\s+error\s+Dropping table "t"/);
  });

  it('a directory with no SQL: exit 2 and says what to pass', async () => {
    const dir = makeProject({ 'docs/readme.md': '# hi' });
    const run = await runCli(['docs'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('migralint: no .sql files in docs; pass the folder that holds the migrations\nRun "migralint --help" for usage.\n');
  });

  it('a path that does not exist: exit 2', async () => {
    const run = await runCli(['db/nope'], { cwd: makeProject({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: no such file or directory: db\/nope\n/);
  });

  it('no path and no usual migrations folder: exit 2 with the folders it looked for', async () => {
    const run = await runCli([], { cwd: makeProject({ 'x.txt': '' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no migrations folder found here or below \(a folder named migrations, migration_\*, migrate, drizzle, delta or upgrade, a sqitch project, or a folder of 3 or more versioned \.sql files; \.gitignore respected\)/);
  });

  it('a bare run finds supabase/migrations', async () => {
    const run = await runCli([], { cwd: makeProject({ 'supabase/migrations/20260101000000_x.sql': bad }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('supabase/migrations/20260101000000_x.sql');
  });

  it('broken config (bad JSON): exit 2, names the file and line', async () => {
    const dir = makeProject({ 'migralint.config.json': '{\n  "rules": {\n    "destructive/no-drop-table": "error",\n  }\n}\n', 'migrations/1.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: config error: migralint\.config\.json:4:3: invalid JSON/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('unknown rule: exit 2 with a suggestion', async () => {
    const dir = makeProject({ '.migralintrc.json': '{"rules": {"destructive/no-drop-colum": "error"}}', 'migrations/1.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.migralintrc\.json.*"destructive\/no-drop-colum".*did you mean "destructive\/no-drop-column"/);
  });

  it('wrong option type: exit 2 with the key path and the expected type', async () => {
    const dir = makeProject({ 'migralint.config.yaml': 'rules:\n  destructive/no-drop-table: [error, {allowTables: "tmp_*"}]\n', 'migrations/1.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/migralint\.config\.yaml: rules\["destructive\/no-drop-table"\]\[1\]\.allowTables: must be array/);
  });

  it('a plugin that fails to load: exit 2 naming the plugin and the config', async () => {
    const dir = makeProject({ 'migralint.config.json': '{"plugins": ["./broken-plugin.js"]}', 'broken-plugin.js': 'throw new Error("boom at import");\n', 'migrations/1.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken-plugin\.js/);
    expect(run.stderr).toMatch(/boom at import/);
    noStack(run.stderr);
  });

  it('a missing plugin package: exit 2', async () => {
    const dir = makeProject({ 'migralint.config.json': '{"plugins": ["@nobody/migralint-rules-that-do-not-exist"]}', 'migrations/1.sql': good });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/@nobody\/migralint-rules-that-do-not-exist/);
    noStack(run.stderr);
  });

  it('a rule that throws: a notification naming rule and file, other rules go on, exit 2; --debug adds the stack', async () => {
    const plugin = `
      export default {
        name: 'crashy',
        rules: {
          boom: {
            meta: { type: 'problem', docs: { description: 'crashes', url: 'https://example.test' }, defaultSeverity: 'error', recommended: true, messages: { x: 'x' } },
            create() { return { DropStmt() { throw new Error('kaboom in rule'); } }; },
          },
        },
      };`;
    const dir = makeProject({ 'migralint.config.json': '{"extends": ["recommended"], "plugins": ["./crashy.js"]}', 'crashy.js': plugin, 'migrations/1.sql': 'DROP TABLE t;\n' });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Dropping table "t"/); // destructive/no-drop-table still ran
    expect(`${run.stdout}${run.stderr}`).toMatch(/crashy\/boom.*migrations\/1\.sql.*kaboom in rule/);
    noStack(run.stdout + run.stderr);
    const debug = await runCli(['migrations', '--debug'], { cwd: dir });
    expect(debug.stderr).toMatch(/kaboom in rule\n\s+at /);
  });

  it('bad usage: unknown option and bad --max-warnings, exit 2', async () => {
    const a = await runCli(['--frmat', 'json']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^migralint: Unknown option '--frmat'/);
    const b = await runCli(['--max-warnings', 'lots', 'fixtures/example-project/supabase/migrations']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--max-warnings takes a whole number/);
    const c = await runCli(['--format', 'xml', 'x']);
    expect(c.stderr).toMatch(/unknown format "xml"; use one of: terminal, json, sarif/);
  });

  it('writes nothing to disk (no cache, no report) unless a report file is asked for', async () => {
    const dir = makeProject({ 'migrations/1.sql': bad, 'migrations/2.sql': Buffer.from([0, 1, 2]), 'migralint.config.json': '{}' });
    const before = snapshotTree(dir);
    await runCli(['migrations', '--format', 'json', '--format', 'sarif'], { cwd: dir });
    await runCli(['migrations'], { cwd: dir, env: { NO_COLOR: '' } });
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('options', () => {
  it('--max-warnings turns too many warnings into exit 1; --quiet hides warnings', async () => {
    const dir = makeProject({ 'migrations/1.sql': '', 'migrations/2.sql': '-- only a comment\n' });
    expect((await runCli(['migrations'], { cwd: dir })).code).toBe(0);
    const strict = await runCli(['migrations', '--max-warnings', '1'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/2 warnings is more than --max-warnings 1/);
    const quiet = await runCli(['migrations', '--quiet'], { cwd: dir });
    expect(quiet.stdout).not.toContain('warning');
  });

  it('--stdin with --stdin-filename: JSON for editors, the config found from that path', async () => {
    const dir = makeProject({ 'db/migrations/.migralintrc.yaml': 'rules:\n  destructive/no-drop-column: warn\n' });
    const run = await runCli(['--stdin', '--stdin-filename', 'db/migrations/003_x.up.sql', '--format', 'json'], { cwd: dir, input: bad });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].path).toBe('db/migrations/003_x.up.sql');
    expect(report.files[0].messages[0]).toMatchObject({ ruleId: 'destructive/no-drop-column', severity: 'warning', line: 1, column: 31 });
  });

  it('--print-config shows the effective config for a file', async () => {
    const dir = makeProject({ 'migralint.config.json': '{"rules": {"destructive/no-truncate": "warn"}, "overrides": [{"files": ["legacy/**"], "rules": {"destructive/no-truncate": "off"}}]}' });
    const main = JSON.parse((await runCli(['--print-config', 'db/1.sql'], { cwd: dir })).stdout);
    const legacy = JSON.parse((await runCli(['--print-config', 'legacy/1.sql'], { cwd: dir })).stdout);
    expect(JSON.stringify(main)).toContain('destructive/no-truncate');
    expect(JSON.stringify(main.rules['destructive/no-truncate'])).toContain('warn');
    expect(legacy.rules['destructive/no-truncate']).toBeUndefined();
  });

  it('rules --format json lists every rule with its metadata', async () => {
    const run = await runCli(['rules', '--format', 'json'], { cwd: makeProject({}) });
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout);
    const ids = rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['destructive/no-drop-table', 'destructive/no-drop-column', 'destructive/no-truncate', 'migralint/parse-error']));
    for (const r of rules) expect(r).toMatchObject({ description: expect.any(String), url: expect.stringMatching(/^https:\/\//), defaultSeverity: expect.any(String) });
  });

  it('--version and --help', async () => {
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')).version);
    expect((await runCli(['--help'])).stdout).toMatch(/^Usage: migralint/);
  });

  it('colour only when asked or on a TTY; NO_COLOR wins', async () => {
    const dir = makeProject({ 'migrations/1.sql': bad });
    expect((await runCli(['migrations'], { cwd: dir })).stdout).not.toMatch(/\x1b\[/);
    expect((await runCli(['migrations', '--color'], { cwd: dir })).stdout).toMatch(/\x1b\[/);
  });

  it('.migralintignore and config ignores skip files', async () => {
    const dir = makeProject({
      '.migralintignore': 'migrations/vendor/\n',
      'migralint.config.json': '{"ignores": ["migrations/generated_*.sql"]}',
      'migrations/vendor/1.sql': bad,
      'migrations/generated_2.sql': bad,
      'migrations/3.sql': good,
    });
    const run = await runCli(['migrations'], { cwd: dir });
    expect(run.code).toBe(0);
    const ignoredExplicitly = await runCli(['migrations/vendor/1.sql'], { cwd: dir });
    expect(ignoredExplicitly.stderr).toMatch(/migrations\/vendor\/1\.sql is listed in \.migralintignore/);
    expect(ignoredExplicitly.code).toBe(2);
  });
});

describe('config from a parent directory', () => {
  it('applies override globs relative to the config file, whatever the cwd', async () => {
    const dir = makeProject({
      'migralint.config.json': '{"overrides": [{"files": ["db/**"], "rules": {"destructive/no-truncate": "off"}}]}',
      'db/migrations/1.sql': 'TRUNCATE sessions;\n',
    });
    expect((await runCli(['db/migrations'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['migrations'], { cwd: path.join(dir, 'db') })).code).toBe(0);
    expect((await runCli(['1.sql'], { cwd: path.join(dir, 'db', 'migrations') })).code).toBe(0);
  });
});
