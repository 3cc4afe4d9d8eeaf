// A pool of lint workers (lint-worker.ts) with a watchdog. Tasks are histories; each worker lints
// one at a time and the pool hands out the next. The watchdog reads each worker's board
// (rule-watch.ts): when one rule call has run longer than the limit, the worker is terminated and
// replaced, and the task fails with a RuleTimeout naming the rule and the file.
import { Worker } from 'node:worker_threads';
import type { AuxReads } from './aux-reads.js';
import type { PlainResult } from './plain-result.js';
import { BOARD_SLOTS, FILE, RULE, SEQ } from './rule-watch.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './lint-worker.js';

export class RuleTimeout extends Error {
  constructor(
    readonly ruleId: string,
    /** undefined: the rule's project hook. */
    readonly file: string | undefined,
  ) {
    super(`rule ${ruleId} overran its time limit${file ? ` on ${file}` : ''}`);
    this.name = 'RuleTimeout';
  }
}

export interface TaskOutcome {
  result: PlainResult;
  aux: AuxReads;
}

interface Slot {
  worker: Worker;
  board: Int32Array;
  names: { rule: string[]; file: string[] };
  task?: { task: WorkerTask; resolve: (o: TaskOutcome) => void; reject: (e: unknown) => void };
  lastSeq: number;
  quietSince: number;
}

export interface PoolOptions {
  size: number;
  init: Omit<WorkerInit, 'board'>;
  /** Longest a single rule call may run, in ms. */
  ruleTimeoutMs: number;
  /** Called with a number of files linted since the last call. */
  onProgress: (files: number) => void;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<NonNullable<Slot['task']>> = [];
  private readonly timer: NodeJS.Timeout;
  private nextId = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.start());
    this.timer = setInterval(() => this.watch(), Math.min(250, Math.max(20, options.ruleTimeoutMs / 4)));
    this.timer.unref();
  }

  run(task: Omit<WorkerTask, 'id'>): Promise<TaskOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const board = new Int32Array(new SharedArrayBuffer(BOARD_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    board[RULE] = -1;
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { ...this.options.init, board: board.buffer } satisfies WorkerInit });
    const slot: Slot = { worker, board, names: { rule: [], file: [] }, lastSeq: 0, quietSince: Date.now() };
    worker.on('message', (reply: WorkerReply) => this.receive(slot, reply));
    worker.on('error', (error) => this.finish(slot, (t) => t.reject(error)));
    worker.on('exit', (code) => {
      // A worker that ends on its own (out of memory, process.exit in a plugin) fails its task.
      if (slot.task) this.finish(slot, (t) => t.reject(new Error(`a lint worker stopped (exit code ${code})`)));
    });
    return slot;
  }

  private receive(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'name') slot.names[reply.kind][reply.index] = reply.name;
    else if (reply.type === 'progress') this.options.onProgress(reply.files);
    else if (reply.type === 'done') {
      this.options.onProgress(reply.files);
      this.finish(slot, (t) => t.resolve({ result: reply.result, aux: reply.aux }));
    }
    else {
      const error = new Error(reply.message);
      if (reply.stack) error.stack = reply.stack;
      this.finish(slot, (t) => t.reject(error));
    }
  }

  private finish(slot: Slot, settle: (task: NonNullable<Slot['task']>) => void): void {
    const task = slot.task;
    slot.task = undefined;
    if (task) settle(task);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      slot.task = this.queue.shift()!;
      // The worker numbers the task's files by their place in it (lint-worker.ts).
      slot.names.file = slot.task.task.files.map((f) => f.path);
      slot.quietSince = Date.now();
      slot.worker.postMessage(slot.task.task);
    }
  }

  /** A worker is stuck when the same rule call (same SEQ) has been running past the limit. */
  private watch(): void {
    const now = Date.now();
    for (const [i, slot] of this.slots.entries()) {
      const seq = Atomics.load(slot.board, SEQ);
      const rule = Atomics.load(slot.board, RULE);
      if (!slot.task || rule === -1 || seq !== slot.lastSeq) {
        slot.lastSeq = seq;
        slot.quietSince = now;
        continue;
      }
      if (now - slot.quietSince < this.options.ruleTimeoutMs) continue;
      const file = Atomics.load(slot.board, FILE);
      const timeout = new RuleTimeout(slot.names.rule[rule] ?? `rule #${rule}`, file === -1 ? undefined : (slot.names.file[file] ?? `file #${file}`));
      const task = slot.task;
      slot.task = undefined;
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      this.slots[i] = this.start();
      task.reject(timeout);
      this.dispatch();
    }
  }
}
