// A lint worker (worker-pool.ts starts it): lints the histories the main thread sends, one at a
// time, with the same lint entry as the main thread, and sends back plain results. Config files and
// plugins are loaded here again: functions do not cross threads.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig, SourceInput, VcsChanges } from '@migralint/core';
import { configLoaderFor } from './gather-files.js';
import { vcsChanges } from './git-changes.js';
import { lintFiles } from './lint-files.js';
import { toPlainResult } from './plain-result.js';
import { recordingAuxReader, type AuxReads } from './aux-reads.js';
import { NameTable, watchConfig, type Watch } from './rule-watch.js';

/** What the pool starts a worker with. */
export interface WorkerInit {
  cwd: string;
  configFile?: string;
  changedSince?: string;
  staged: boolean;
  board: SharedArrayBuffer;
}

/** One history to lint. */
export interface WorkerTask {
  id: number;
  configDir: string;
  files: SourceInput[];
  reportPaths?: string[];
  /** `rule\0file` pairs not to run (they overran the time limit). */
  skip: string[];
}

export type WorkerReply =
  | { type: 'name'; kind: 'rule' | 'file'; index: number; name: string }
  | { type: 'progress'; files: number }
  | { type: 'done'; id: number; result: ReturnType<typeof toPlainResult>; aux: AuxReads; files: number }
  | { type: 'failed'; id: number; message: string; stack?: string };

const init = workerData as WorkerInit;
const port = parentPort!;
const send = (reply: WorkerReply) => port.postMessage(reply);
const configFor = configLoaderFor(init.cwd, init.configFile);
const vcs: VcsChanges | undefined = init.changedSince !== undefined || init.staged ? vcsChanges(init.cwd, init.changedSince, init.staged) : undefined;
const announce = (kind: 'rule' | 'file', index: number, name: string) => send({ type: 'name', kind, index, name });
const board = new Int32Array(init.board);
const rules = new NameTable(announce, 'rule');

/** Progress is for the terminal's counter: sent at most this often, the rest with the result. */
const PROGRESS_MS = 100;

port.on('message', (task: WorkerTask) => {
  run(task).catch((error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    send({ type: 'failed', id: task.id, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
  });
});

async function run(task: WorkerTask): Promise<void> {
  // The task's files are numbered by their place in it, which the pool knows.
  const files = new NameTable(announce, 'file', task.files.map((f) => f.path));
  const watch: Watch = { board, rules, files, skip: new Set(task.skip) };
  const config: ResolvedConfig = watchConfig(await configFor(task.configDir), watch);
  const aux = recordingAuxReader(init.cwd);
  let linted = 0;
  let sentAt = Date.now();
  const progress = () => {
    linted++;
    if (Date.now() - sentAt < PROGRESS_MS) return;
    send({ type: 'progress', files: linted });
    linted = 0;
    sentAt = Date.now();
  };
  const result = await lintFiles(task.files, config, {
    cwd: init.cwd,
    readAux: aux.read,
    ...(vcs ? { vcs } : {}),
    ...(task.reportPaths ? { reportPaths: task.reportPaths } : {}),
    onProgress: progress,
  });
  send({ type: 'done', id: task.id, result: toPlainResult(result), aux: aux.reads(), files: linted });
}
