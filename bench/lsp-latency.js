#!/usr/bin/env node
// Benchmark (not a test): how fast `migralint lsp` answers an edit in a long migration history.
//
//   node bench/lsp-latency.js [MIGRATIONS_DIR] [--edits N]
//
// MIGRATIONS_DIR defaults to the shared corpus' Helicone history (240 Supabase migrations). Starts the
// built server over stdio like an editor, opens the newest migration, waits for the first diagnostics
// (cold: parser compile, config, every file read and parsed), then sends N edits (debounce 0) that
// alternate between two versions of the buffer and times each from didChange to publishDiagnostics.
// Budget: ≤ 200 ms once warm. Needs `pnpm build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const edits = editsAt === -1 ? 30 : Number(args[editsAt + 1]);
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--edits') ?? path.join(root, '..', 'shared', 'corpus', 'Helicone__helicone', 'supabase', 'migrations'));
const cli = path.join(root, 'packages', 'cli', 'bin', 'migralint.js');

if (!fs.existsSync(dir)) {
  console.log(`bench: ${dir} does not exist; pass a folder of migrations (the shared corpus is not on this machine)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(root, 'packages', 'cli', 'dist', 'bundle', 'main.js'))) {
  console.error('bench: build first (pnpm build)');
  process.exit(2);
}

const require = createRequire(path.join(root, 'packages', 'language-server', 'package.json'));
const rpc = require('vscode-jsonrpc/node');

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
const target = path.join(dir, files.at(-1));
const uri = pathToFileURL(target).href;
const text = fs.readFileSync(target, 'utf8');
// Two buffers that differ in a real statement, so every edit changes the findings' input.
const variants = [text, `${text}\nALTER TABLE bench_probe DROP COLUMN c;\n`];

const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: path.dirname(dir), stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
let onDiagnostics = () => {};
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri) onDiagnostics(params);
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();

const published = (version) => new Promise((resolve) => (onDiagnostics = (p) => p.version === version && resolve(p)));

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(path.dirname(dir)).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
await connection.sendNotification('initialized', {});
let started = performance.now();
const first = published(1);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version: 1, text } });
const cold = await first;
const coldMs = performance.now() - started;

// CPU time the server spent (user + system, from /proc on Linux): on a shared, loaded machine the
// wall time includes waiting for a core, the CPU time does not.
const ticks = 100; // USER_HZ, 100 on Linux
const cpuMs = () => {
  try {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch {
    return NaN;
  }
};
const times = [];
const cpu = [];
for (let i = 0; i < edits; i++) {
  const version = i + 2;
  const next = published(version);
  const cpuBefore = cpuMs();
  started = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: variants[(i + 1) % 2] }] });
  await next;
  times.push(performance.now() - started);
  cpu.push(cpuMs() - cpuBefore);
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const pick = (q, list = times) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
console.log(`history: ${files.length} migrations in ${dir}`);
console.log(`first diagnostics after open (cold): ${coldMs.toFixed(0)} ms (${cold.diagnostics.length} diagnostics)`);
console.log(`edit → diagnostics, warm, ${edits} edits: median ${pick(0.5).toFixed(0)} ms, p90 ${pick(0.9).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (budget 200 ms)`);
console.log(`server CPU time per edit: median ${pick(0.5, cpu).toFixed(0)} ms, p90 ${pick(0.9, cpu).toFixed(0)} ms (10 ms resolution)`);
