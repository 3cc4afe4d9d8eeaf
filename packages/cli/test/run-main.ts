// Runs main() in-process, with real files: the code the binary runs, without a process per call
// (for tests that make many runs).
import { PassThrough } from 'node:stream';
import { main } from '../src/main.js';

export async function runMain(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { cwd, stdin: new PassThrough(), stdout, stderr, env: { NO_COLOR: '1' } });
  return { code, stdout: out, stderr: err };
}
