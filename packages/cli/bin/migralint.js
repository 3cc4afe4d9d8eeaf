#!/usr/bin/env node
// The `migralint` command. Kept tiny: all behaviour lives in src/main.ts, run here from the bundle
// that `pnpm build` makes of it (scripts/bundle-cli.mjs explains why a bundle).
import module from 'node:module';
import v8 from 'node:v8';

// Node >= 22.1 keeps V8's compiled code of the bundle between runs (in the OS temp folder, Node's
// own cache), so a second run starts without recompiling ~1 MB of JavaScript. Older Node: nothing.
// It writes files, so only when the user asked for caching (`--cache`, or Node's NODE_COMPILE_CACHE).
if (process.argv.includes('--cache')) module.enableCompileCache?.();

// The SQL parser is Postgres compiled to WebAssembly. V8's optimising wasm compiler spends ~100 ms
// on it at start-up that a lint run never earns back (measured: one file 263 → 157 ms, the whole
// 6,636-file corpus 1122 → 951 ms with the baseline compiler only). Process-wide, so it is set here
// in the binary we own, never in the library, where it would change the host's other wasm.
v8.setFlagsFromString('--liftoff-only');

const argv = process.argv.slice(2);
const io = { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
// With --cache, a run whose inputs are all unchanged replays its recorded output, before the rest
// of the CLI is even loaded (src/warm-run.ts).
const replayed = argv.includes('--cache') ? (await import('../dist/bundle/warm-run.js')).replayWarmRun(argv, io) : undefined;
process.exitCode = replayed ?? (await (await import('../dist/bundle/main.js')).main(argv, io));
