// What a worker's rules are doing, published for the main thread's watchdog (worker-pool.ts).
// A synchronous endless loop in a rule can only be stopped from outside its thread; to say which
// rule on which file it was, every rule call writes its rule and file number into a
// SharedArrayBuffer the main thread reads. Four integer writes per call: no strings, no messages.
import type { Plugin, ProjectContext, ResolvedConfig, Rule, RuleContext, Visitors } from '@migralint/core';

/** Int32 slots of the board. */
export const SEQ = 0; // incremented when a rule call starts
export const RULE = 1; // rule number of the call running, -1 when none
export const FILE = 2; // file number, -1 for a project hook
export const BOARD_SLOTS = 3;

/**
 * Numbers for names, announced once each to the main thread. Names the main thread already has
 * (a task's files, in the task's order) are numbered without a message: a message per file cost
 * more than a third of a second per worker on the corpus.
 */
export class NameTable {
  private readonly numbers: Map<string, number>;
  constructor(
    private readonly announce: (kind: 'rule' | 'file', index: number, name: string) => void,
    private readonly kind: 'rule' | 'file',
    known: readonly string[] = [],
  ) {
    this.numbers = new Map(known.map((name, i) => [name, i]));
  }
  numberOf(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      this.numbers.set(name, (n = this.numbers.size));
      this.announce(this.kind, n, name);
    }
    return n;
  }
}

export interface Watch {
  board: Int32Array;
  rules: NameTable;
  files: NameTable;
  /** `rule\0file` (file '' for a project hook) pairs not to run: they overran the limit before. */
  skip: ReadonlySet<string>;
}

export const skipKey = (ruleId: string, file: string | undefined) => `${ruleId}\0${file ?? ''}`;

/** The config with every plugin rule wrapped so that its calls are published on the board. */
export function watchConfig(config: ResolvedConfig, watch: Watch): ResolvedConfig {
  return { ...config, plugins: config.plugins.map((plugin) => watchPlugin(plugin, watch)) };
}

function watchPlugin(plugin: Plugin, watch: Watch): Plugin {
  const rules: Record<string, Rule> = {};
  for (const [name, rule] of Object.entries(plugin.rules)) rules[name] = watchRule(rule, watch);
  return { ...plugin, rules };
}

function watchRule(rule: Rule, watch: Watch): Rule {
  const { board } = watch;
  const timed = <A extends unknown[], T>(ruleNo: number, fileNo: number, call: (...args: A) => T, args: A): T => {
    board[RULE] = ruleNo;
    board[FILE] = fileNo;
    Atomics.add(board, SEQ, 1);
    try {
      return call(...args);
    } finally {
      board[RULE] = -1;
    }
  };
  const watched: Rule = { ...rule };
  if (rule.create) {
    const create = rule.create;
    // Called for every rule on every file, and its visitors for every node: no closure per call
    // and no key string unless something is skipped (this wrapper was 3–4% of a worker's time).
    watched.create = (context: RuleContext) => {
      if (watch.skip.size > 0 && watch.skip.has(skipKey(context.id, context.file.path))) return {};
      const ruleNo = watch.rules.numberOf(context.id);
      const fileNo = watch.files.numberOf(context.file.path);
      const visitors = timed(ruleNo, fileNo, create, [context]) as Record<string, ((...args: unknown[]) => void) | undefined>;
      const out: Record<string, (...args: unknown[]) => void> = {};
      for (const kind in visitors) {
        const fn = visitors[kind];
        if (fn) out[kind] = (...args) => timed(ruleNo, fileNo, fn, args);
      }
      return out as Visitors;
    };
  }
  if (rule.project) {
    const project = rule.project;
    watched.project = (context: ProjectContext) => {
      if (watch.skip.size > 0 && watch.skip.has(skipKey(context.id, undefined))) return;
      timed(watch.rules.numberOf(context.id), -1, project, [context]);
    };
  }
  return watched;
}
