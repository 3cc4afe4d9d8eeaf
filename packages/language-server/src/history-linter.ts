// The one place the language server lints: a migration history, read from disk, with the editor's
// unsaved buffers in place of their files, reported for the open files only. Like the CLI, the whole
// history is context (the schema replay, ordering and history rules see every migration), so a
// change to one migration changes the findings of the files after it.

import fs from 'node:fs';
import path from 'node:path';
import { ConfigLoader, type BuiltinPacks } from '@migralint/config';
import { definePlugin, defineRule, matchesFiles, type LintResult, type ResolvedConfig, type SourceInput } from '@migralint/core';
import { lint, migrationRootOf } from '@migralint/migrations';

/** What the server borrows from the CLI: how it finds a history and names files (one behaviour). */
export interface ProjectHost {
  /** Every .sql file of the histories these absolute paths belong to, minus .migralintignore. */
  historyFiles(cwd: string, files: readonly string[]): Promise<string[]>;
  /** How a file is named in results (relative to the cwd, like the CLI). */
  displayPath(cwd: string, abs: string): string;
  /** lint()'s `readAux`: lockfiles, sqitch plans, journals. */
  auxReader(cwd: string): (file: string) => string | undefined;
  /** The built-in rule packs the CLI assembles, loaded as a config enables them. */
  builtinPacks: BuiltinPacks;
  /** Every rule id, loaded or not, so directives naming a rule of an unloaded pack stay valid. */
  knownRules?: readonly string[];
}

/** Where each statement of a file starts and ends (UTF-16 offsets): for "disable for this statement". */
export type StatementRanges = ReadonlyArray<{ start: number; end: number }>;

export interface HistoryResult {
  result: LintResult;
  /** Absolute path → that file's result entry, for the open files asked about. */
  byPath: Map<string, { file: LintResult['files'][number]; statements: StatementRanges }>;
}

const RANGES_RULE = 'migralint-lsp/statement-ranges';

export class HistoryLinter {
  readonly cwd: string;
  readonly #host: ProjectHost;
  #configs: ConfigLoader;

  constructor(cwd: string, host: ProjectHost) {
    this.cwd = cwd;
    this.#host = host;
    this.#configs = new ConfigLoader({ cwd, builtinPacks: host.builtinPacks, knownRules: host.knownRules });
  }

  /** A config file changed: read configs afresh on the next lint. */
  reloadConfig(): void {
    this.#configs = new ConfigLoader({ cwd: this.cwd, builtinPacks: this.#host.builtinPacks, knownRules: this.#host.knownRules });
  }

  /** The history a file belongs to (its key for scheduling and grouping). */
  historyOf(abs: string): string {
    return path.resolve(this.cwd, migrationRootOf(abs));
  }

  /**
   * Lints the history of `open` files (all in one history) with `buffers` (absolute path → text)
   * in place of the files on disk. Throws the config's errors (the server shows them).
   */
  async lint(open: readonly string[], buffers: ReadonlyMap<string, string>): Promise<HistoryResult> {
    const config = await this.#configs.forDirectory(path.dirname(open[0]!));
    const onDisk = await this.#host.historyFiles(this.cwd, open);
    const all = [...new Set([...onDisk, ...open])].filter((abs) => !(config.ignores.length > 0 && matchesFiles(config.root, config.ignores, abs)));
    const files: SourceInput[] = [];
    const pathOf = new Map<string, string>();
    for (const abs of all.sort()) {
      const content = buffers.get(abs) ?? readOrUndefined(abs);
      if (content === undefined) continue;
      const name = this.#host.displayPath(this.cwd, abs);
      pathOf.set(name, abs);
      files.push({ path: name, content });
    }
    const ranges = new Map<string, StatementRanges>();
    const result = await lint({
      files,
      config: withStatementRanges(config, ranges),
      cwd: this.cwd,
      readAux: this.#host.auxReader(this.cwd),
      reportPaths: open,
    });
    delete result.rules[RANGES_RULE];
    const byPath: HistoryResult['byPath'] = new Map();
    for (const file of result.files) {
      const abs = pathOf.get(file.path);
      if (abs !== undefined) byPath.set(abs, { file, statements: ranges.get(file.path) ?? [] });
    }
    return { result, byPath };
  }
}

function readOrUndefined(abs: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(abs);
  } catch {
    // Deleted between listing and reading: the history is what is there.
    return undefined;
  }
}

/**
 * The config plus a silent project rule that records each file's statement ranges as the engine
 * split them (Postgres' own parser), through the public plugin API: the server needs them to place
 * a directive before the statement a finding is in, whatever line the finding is on.
 */
function withStatementRanges(config: ResolvedConfig, into: Map<string, StatementRanges>): ResolvedConfig {
  const recorder = definePlugin({
    name: 'migralint-lsp',
    rules: {
      'statement-ranges': defineRule({
        meta: { type: 'suggestion', docs: { description: 'Records statement ranges for the language server.', url: 'https://github.com/migralint/migralint/blob/main/docs/editors.md' }, defaultSeverity: 'info', recommended: false, messages: {} },
        project(context) {
          for (const file of context.project.files) into.set(file.path, file.statements.map((s) => ({ start: s.start, end: s.end })));
        },
      }),
    },
  });
  return { ...config, plugins: [...config.plugins, recorder], rules: { ...config.rules, [RANGES_RULE]: 'info' } };
}
