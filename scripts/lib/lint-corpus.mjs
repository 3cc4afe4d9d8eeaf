// Lints a directory of migrations in process, the way the CLI does (layouts, replay, aux files),
// with one preset. Shared by the corpus scripts (rule counts, precision sample). Needs `pnpm build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listSqlFiles } from './sql-files.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultCorpus = path.join(root, '..', 'shared', 'corpus');

/**
 * The corpus scripts' command line: `[DIR] [--preset NAME]`. Exits (0, with a message naming
 * `script`) when the directory does not exist, so a checkout without ../shared still runs them.
 */
export function corpusArgs(script, argv = process.argv.slice(2)) {
  const presetAt = argv.indexOf('--preset');
  const preset = presetAt === -1 ? 'recommended' : argv[presetAt + 1];
  const dir = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--preset') ?? defaultCorpus);
  if (!fs.existsSync(dir)) {
    console.error(`${script}: ${dir} does not exist; pass a directory of migrations`);
    process.exit(0);
  }
  return { dir, preset };
}

/**
 * lint() over every `.sql` file under `dir` with `preset`; returns the result, the files and the time.
 * `onParsed` sees the parsed files (statements with their PL/pgSQL bodies) before the rules run.
 */
export async function lintCorpus(dir, preset, onParsed) {
  const { runEngine } = await import(path.join(root, 'packages/core/dist/index.js'));
  const { ConfigLoader } = await import(path.join(root, 'packages/config/dist/index.js'));
  const { RULE_PACKS } = await import(path.join(root, 'packages/cli/dist/rule-packs.js'));
  const { buildModel, sectionBreaks, loadDeparser } = await import(path.join(root, 'packages/migrations/dist/index.js'));
  const files = listSqlFiles(dir).map((f) => ({ path: path.relative(dir, f), content: fs.readFileSync(f) }));
  const loader = new ConfigLoader({ cwd: dir, builtinPacks: RULE_PACKS });
  const config = await loader.resolveConfig({ extends: [preset] });
  const t = performance.now();
  // The engine with the migration model (what @migralint/migrations' lint() does), seeing the parsed files.
  const model = {
    buildModel: (input) => {
      onParsed?.(input.files);
      return buildModel(input);
    },
    sectionBreaks,
    load: loadDeparser,
  };
  const readAux = (p) => {
    try {
      return fs.readFileSync(path.resolve(dir, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = await runEngine({ files, config, cwd: dir, readAux }, model);
  return { result, files, ms: performance.now() - t };
}
