// Runs the built `migralint` binary as a user would: a real process, real files, real exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const bin = path.join(repoRoot, 'packages/cli/bin/migralint.js');

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) {
    throw new Error('packages/cli/dist is missing: run `pnpm build` (the test command does) before the CLI tests');
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary project directory with the given files; returns its path. */
export function makeProject(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Every file below `dir` with its size and mtime: to prove a run wrote nothing. */
export function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = fs.statSync(p);
        out.push(`${path.relative(dir, p)} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** A finding as the JSON report gives it, with its file. */
export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  line: number;
}

/** Lints a temporary project made of `files` with the built binary (`--format json`). */
export async function lintProjectJson(files: Record<string, string>, args: string[] = ['db']): Promise<{ code: number | null; stderr: string; findings: JsonFinding[] }> {
  const dir = makeProject(files);
  const run = await runCli([...args, '--format', 'json'], { cwd: dir });
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; messages: Array<Omit<JsonFinding, 'file'>> }> };
  return { code: run.code, stderr: run.stderr, findings: report.files.flatMap((f) => f.messages.map((m) => ({ ...m, file: f.path }))) };
}
