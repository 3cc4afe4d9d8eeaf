// What `--print-config FILE` adds about the file's migration history: the runner migralint reads
// it as, whether that was guessed, the evidence, and the transaction mode (docs/layouts.md#runners).
// The history is loaded the way a lint of that file loads it, and analysed with no rules.
import path from 'node:path';
import { runEngine, type ResolvedConfig } from '@migralint/core';
import { buildModel, migrationRootOf, runnerJson, sectionBreaks } from '@migralint/migrations';
import { historyFiles } from './find-files.js';
import { auxReader, displayPath, readBytes } from './gather-files.js';

export type HistoryRunner = ReturnType<typeof runnerJson> | null;

export async function historyRunnerOf(cwd: string, file: string, config: ResolvedConfig): Promise<HistoryRunner> {
  if (path.extname(file) !== '.sql') return null;
  const files = await historyFiles(cwd, [file], migrationRootOf);
  let model: ReturnType<typeof buildModel> | undefined;
  // The engine with a model provider that keeps the model it builds: only the model is wanted.
  await runEngine({
    files: files.map((abs) => ({ path: displayPath(cwd, abs), content: readBytes(abs) })),
    // Only the model is wanted: no rules, but every setting (a per-folder `runner` lives in overrides).
    config: { ...config, rules: {}, overrides: config.overrides.map(({ rules: _rules, ...rest }) => rest) },
    cwd,
    readAux: auxReader(cwd),
  }, { buildModel: (input) => (model = buildModel(input)), sectionBreaks });
  const wanted = displayPath(cwd, file);
  const set = model?.sets.find((s) => s.migrations.some((m) => [...m.up, ...m.down].some((part) => part.file === wanted)));
  return (set && runnerJson(set)) ?? null;
}
