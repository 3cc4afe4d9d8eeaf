#!/usr/bin/env node
// Bundles the CLI's own code and its pure-JS dependencies into packages/cli/dist/bundle/ (run by
// `pnpm build` after tsc). Why: Node 20 has no compile cache, and loading ~150 small ES modules
// cost more than linting a file (measured 280 → ~160 ms for one small file end to end). Lazy
// imports (cosmiconfig, ajv, the JSON/SARIF reporters) stay lazy as separate chunks.
// libpg-query stays external: it locates its .wasm next to its own module. So do PGlite (its .wasm,
// .data and extension bundles) and pg; and @migralint/verify, which depends on them, stays external
// as a whole so that they resolve from its own node_modules (the CLI does not depend on them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'packages/cli/dist/bundle');
// esbuild leaves old chunks behind; a stale one would be shipped and could even be loaded.
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  // lint-worker.js: the entry of the lint workers (packages/cli/src/worker-pool.ts starts it).
  entryPoints: [path.join(root, 'packages/cli/dist/main.js'), path.join(root, 'packages/cli/dist/lint-worker.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // typescript: cosmiconfig's optional loader for .ts configs, which we do not offer.
  external: ['libpg-query', 'typescript', '@migralint/verify', '@electric-sql/pglite', 'pg'],
  // Bundled CommonJS dependencies (ajv, picomatch) call require() for Node built-ins.
  banner: { js: "import { createRequire as __migralintRequire } from 'node:module'; const require = __migralintRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
