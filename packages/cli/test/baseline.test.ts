// `migralint baseline`: accept an existing history's findings ("the pre-policy migrations are not
// being backfilled"), then only new findings fail; stale entries are reported and pruned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, repoRoot } from './run-cli.js';
import { runMain } from './run-main.js';

interface JsonReport {
  errorCount: number;
  files: Array<{ path: string; messages: Array<{ ruleId: string; severity: string; suppressed?: { kind: string } }> }>;
}

const shown = (report: JsonReport) => report.files.flatMap((f) => f.messages.filter((m) => !m.suppressed).map((m) => `${f.path} ${m.ruleId}`));

describe('migralint baseline', () => {
  it('accepts the existing findings; a new dangerous migration fails with only its finding; stale entries are pruned', async () => {
    const m = 'supabase/migrations';
    const dir = makeProject({
      [`${m}/20240101000000_init.sql`]: 'create table users (id bigint primary key, email text, legacy text);\ncreate table audit (id bigint primary key);\n',
      [`${m}/20240201000000_cleanup.sql`]: 'alter table users drop column legacy;\ndrop table audit;\n',
      [`${m}/20240301000000_index.sql`]: 'create index users_email_idx on users (email);\n',
    });
    const before = await runMain(['--format', 'json'], dir);
    expect(before.code).toBe(1);
    const accepted = shown(JSON.parse(before.stdout));
    expect(accepted.length).toBeGreaterThanOrEqual(3);

    const write = await runMain(['baseline'], dir);
    expect(write.code, write.stderr).toBe(0);
    const acceptedFiles = new Set(accepted.map((a) => a.split(' ')[0])).size;
    expect(write.stderr).toMatch(new RegExp(`^migralint: wrote migralint-baseline\\.json: ${accepted.length} findings in ${acceptedFiles} files are accepted`));
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'migralint-baseline.json'), 'utf8'));
    expect(baseline.files[`${m}/20240201000000_cleanup.sql`]).toMatchObject({ 'destructive/no-drop-column': { count: 1 }, 'destructive/no-drop-table': { count: 1 } });

    const after = await runMain(['--format', 'json'], dir);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stderr).toBe('');
    const afterReport = JSON.parse(after.stdout) as JsonReport;
    expect(shown(afterReport)).toEqual([]);
    expect(afterReport.files.flatMap((f) => f.messages.filter((x) => x.suppressed?.kind === 'baseline'))).toHaveLength(accepted.length);
    const terminal = await runMain([], dir);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain(`${accepted.length} suppressed`);

    // A new migration with a dangerous change: exit 1, and it is the only finding shown.
    fs.writeFileSync(path.join(dir, m, '20240401000000_drop_email.sql'), 'alter table users drop column email;\n');
    const next = await runMain(['--format', 'json'], dir);
    expect(next.code).toBe(1);
    expect(shown(JSON.parse(next.stdout))).toEqual([`${m}/20240401000000_drop_email.sql destructive/no-drop-column`]);
    fs.rmSync(path.join(dir, m, '20240401000000_drop_email.sql'));

    // The old index is rebuilt the safe way: its entry is stale, reported, then pruned.
    fs.writeFileSync(path.join(dir, m, '20240301000000_index.sql'), 'create index concurrently users_email_idx on users (email);\n');
    const stale = await runMain([], dir);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toMatch(/^migralint: 1 entry of migralint-baseline\.json no longer match \(fixed or removed\): supabase\/migrations\/20240301000000_index\.sql \S+ \(1 accepted, 0 found\); remove it with --prune-baseline\n$/);
    const pruned = await runMain(['--prune-baseline'], dir);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain('pruned 1 entry of migralint-baseline.json');
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'migralint-baseline.json'), 'utf8')).files)).not.toContain(`${m}/20240301000000_index.sql`);
    expect((await runMain([], dir)).stderr).toBe('');
  });

  const pgflow = path.join(repoRoot, '../shared/corpus/pgflow-dev__pgflow');
  it.skipIf(!fs.existsSync(pgflow))('on a corpus repository (pgflow, a monorepo of two Supabase histories): exit 0 after it, 1 with only a new finding', async () => {
    const dir = makeProject({});
    fs.cpSync(pgflow, dir, { recursive: true });
    const before = await runMain(['--format', 'json'], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toBe('migralint: 2 migration histories, each linted on its own: apps/demo/supabase/migrations, pkgs/core/supabase/migrations\n');
    expect((await runMain(['baseline'], dir)).code).toBe(0);
    const after = await runMain(['--format', 'json'], dir);
    expect(after.code).toBe(0);
    expect(shown(JSON.parse(after.stdout))).toEqual([]);
    // After the history's last version and not in the future: Supabase file names are checked by default.
    const added = 'pkgs/core/supabase/migrations/20261201000000_drop_flow_options.sql';
    fs.writeFileSync(path.join(dir, added), 'alter table pgflow.flows drop column opt_timeout;\n');
    const next = await runMain(['--format', 'json'], dir);
    expect(next.code).toBe(1);
    expect(shown(JSON.parse(next.stdout))).toEqual([`${added} destructive/no-drop-column`]);
  });

  it('a broken baseline file is a clear error', async () => {
    const dir = makeProject({ 'supabase/migrations/20240101000000_x.sql': 'select 1;\n', 'migralint-baseline.json': '{"files": {"a.sql": {"r": {"count": "2"}}}}' });
    const r = await runMain([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/migralint-baseline\.json does not have the baseline shape/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
