// standalone/ is committed (the pre-commit hook and the GitHub Action run it with nothing but
// Node), so it must be exactly what the sources give today, and it must run outside the workspace.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '@migralint/core';
import { root } from '../scripts/workspace-packages.mjs';

const committed = path.join(root, 'standalone');

describe('standalone/migralint.mjs', () => {
  it('is up to date with the sources (regenerate: pnpm bundle:standalone)', () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-standalone-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/bundle-cli.mjs'), '--standalone', fresh], { stdio: 'pipe' });
    const names = fs.readdirSync(fresh).sort();
    // (plus lint-worker.js and a package.json when the CLI has workers: scripts/bundle-cli.mjs)
    expect(names).toEqual(expect.arrayContaining(['THIRD-PARTY-LICENSES.txt', 'libpg-query.wasm', 'migralint.mjs']));
    expect(fs.readdirSync(committed).sort()).toEqual(names);
    for (const name of names) {
      const same = fs.readFileSync(path.join(fresh, name)).equals(fs.readFileSync(path.join(committed, name)));
      expect(same, `standalone/${name} is out of date with the sources: run \`npx -y pnpm@10.34.8 bundle:standalone\` and commit it`).toBe(true);
    }
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it('runs with nothing but Node: a copy outside the workspace lints the example project', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-standalone-run-'));
    fs.cpSync(committed, path.join(work, 'bin'), { recursive: true });
    fs.cpSync(path.join(root, 'fixtures/example-project'), path.join(work, 'project'), { recursive: true });
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(work, 'bin/migralint.mjs'), ...args], { cwd: path.join(work, 'project'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    expect(fs.statSync(path.join(work, 'bin/migralint.mjs')).mode & 0o111, 'executable').not.toBe(0);
    expect(fs.readFileSync(path.join(work, 'bin/migralint.mjs'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(run('--version').stdout).toBe(`${VERSION}\n`);

    const lint = run();
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/error\s+Dropping column "coupon_code" of "orders"/);
    expect(lint.stdout).toMatch(/✖ 4 errors, 1 suppressed/);

    // verify/plan are not in it: the message says what to install, exit 2, no stack trace.
    const verify = run('verify');
    expect(verify.status).toBe(2);
    expect(verify.stderr).toContain(`"migralint verify" needs the @migralint/verify package`);
    expect(verify.stderr).toContain(`npm install --save-dev migralint@${VERSION} @migralint/verify@${VERSION}`);
    expect(verify.stderr).not.toMatch(/\n\s+at /);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('replays an unchanged --cache run from its small entry, as the pre-commit hook runs it', { timeout: 60_000 }, async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-standalone-warm-'));
    fs.cpSync(committed, path.join(work, 'bin'), { recursive: true });
    fs.cpSync(path.join(root, 'fixtures/example-project'), path.join(work, 'project'), { recursive: true });
    const cache = path.join(work, 'cache');
    fs.mkdirSync(cache);
    // Files changed in the last 2 s are not vouched for: a run over them is not recorded.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const run = () => spawnSync(process.execPath, [path.join(work, 'bin/migralint.mjs'), '--cache', '--cache-location', cache], { cwd: path.join(work, 'project'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const cold = run();
    const recorded = fs.readdirSync(cache).filter((e) => e.startsWith('run-'));
    expect(recorded, 'the run was recorded for a replay').toHaveLength(1);
    // Without the per-history results only a replay gives the same output, and a replay writes nothing
    // (the entry and main.js must agree on which build recorded it).
    for (const e of fs.readdirSync(cache)) if (!e.startsWith('run-')) fs.rmSync(path.join(cache, e));
    const warm = run();
    expect([warm.status, warm.stdout, warm.stderr]).toEqual([cold.status, cold.stdout, cold.stderr]);
    expect(fs.readdirSync(cache)).toEqual(recorded);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
