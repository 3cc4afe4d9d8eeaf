#!/usr/bin/env node
// Bundles the `migralint` command. Two targets, one esbuild setup:
//
// - `node scripts/bundle-cli.mjs` (run by `pnpm build` after tsc): packages/cli/dist/bundle/, what
//   the `migralint` npm package ships and what the repository's bin runs. It carries our own
//   packages and the pure-JS npm packages they use; only libpg-query (its .wasm must stay next to
//   its module) is an npm dependency of packages/cli/package.json (test/package-bundle.test.ts
//   checks that every import the bundle leaves is declared). Why a bundle: Node 20 has no compile
//   cache, and loading ~150 small ES modules cost more than linting a file (measured 280 → ~160 ms
//   for one small file end to end); leaving ajv, cosmiconfig, vfile-reporter, tinyglobby… as
//   node_modules imports measured +100 ms CPU per run (one file: 315 → 420 ms user+sys). Lazy
//   imports (cosmiconfig, ajv, the JSON/SARIF reporters, the subcommands) stay lazy chunks.
//
// - `node scripts/bundle-cli.mjs --standalone [DIR]`: standalone/migralint.mjs, a small minified
//   entry, and main.js, the command with our code *and* the npm dependencies, plus libpg-query's .wasm beside it (libpg-query finds
//   it next to the module that loads it). Committed, so the pre-commit hook and the GitHub Action run
//   it with nothing but Node — no install, no build. test/standalone-bundle.test.ts fails when it is
//   out of date with the sources; regenerate it with `pnpm bundle:standalone`.
//
// Both leave out @migralint/verify and what it loads (PGlite, pg): `verify`/`plan` import it only
// when run, and say what to install when it is missing (packages/cli/src/optional-package.ts).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(root, 'packages/cli');

/** Never bundled: loaded only by `verify`/`plan` (a separate install), or optional (cosmiconfig's .ts loader). */
export const NOT_BUNDLED = ['@migralint/verify', '@electric-sql/pglite', 'pg', 'typescript'];

// Bundled CommonJS dependencies (ajv, picomatch) call require() for Node built-ins.
const banner = "import { createRequire as __migralintRequire } from 'node:module'; const require = __migralintRequire(import.meta.url);";

/**
 * Entries besides the command: modules the CLI starts by URL next to its own file, such as the lint
 * workers' `lint-worker.js` (`new Worker(new URL('./lint-worker.js', import.meta.url))`). Listed
 * when their source exists, so both bundles carry them.
 */
const WORKER_ENTRIES = ['lint-worker'];
const workerEntries = () => WORKER_ENTRIES.filter((name) => fs.existsSync(path.join(cliDir, 'src', `${name}.ts`)));

/** Modules the bin imports besides main.js: the warm-run replay, loaded before (and without) the rest. */
const BIN_ENTRIES = ['warm-run'];

/** The npm package's bundle, packages/cli/dist/bundle/ (from tsc's output in packages/cli/dist). */
export async function bundlePackage() {
  const outdir = path.join(cliDir, 'dist/bundle');
  // esbuild leaves old chunks behind; a stale one would be shipped and could even be loaded.
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.join(cliDir, 'dist/main.js'), ...[...BIN_ENTRIES, ...workerEntries()].map((name) => path.join(cliDir, 'dist', `${name}.js`))],
    outdir,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: ['libpg-query', ...NOT_BUNDLED],
    banner: { js: banner },
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
  });
  fs.writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(result.metafile, 'this folder'));
}

/**
 * The standalone bundle, built from the TypeScript sources (the "@migralint/source" export
 * condition), so it does not depend on the state of dist/. Returns the files (name → bytes) without
 * writing them: the up-to-date test compares them with the committed ones.
 */
export async function bundleStandalone() {
  const options = {
    // The repository's bin is the entry: the same start-up (V8 flags), with its import of the
    // package bundle pointed at the sources.
    entryPoints: [path.join(cliDir, 'bin/migralint.js')],
    outfile: path.join(root, 'standalone/migralint.mjs'),
    write: false,
    absWorkingDir: root,
    bundle: true,
    splitting: false,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    conditions: ['@migralint/source'],
    // libpg-query's ESM build finds its .wasm from import.meta.url (its CommonJS one uses __dirname).
    mainFields: ['module', 'main'],
    external: NOT_BUNDLED.filter((name) => name !== '@migralint/verify'),
    plugins: [
      {
        name: 'bin-imports-sources',
        setup(b) {
          b.onResolve({ filter: /\/dist\/bundle\/[\w-]+\.js$/ }, (args) => {
            const name = path.basename(args.path, '.js');
            // The command itself is main.js beside the entry (built below): the entry stays small,
            // so a replayed warm run (warm-run.ts, bundled in) never parses the ~1.6 MB of the rest.
            if (name === 'main') return { path: './main.js', external: true };
            return BIN_ENTRIES.includes(name) ? { path: path.join(cliDir, `src/${name}.ts`) } : undefined;
          });
        },
      },
      {
        // One file has no lazy chunk for `verify`/`plan`, and their static import of
        // @migralint/verify would fail at start-up. So it becomes a module that fails only when one
        // of those commands loads it, with the error withVerifyPackage() turns into what to install.
        name: 'verify-not-included',
        setup(b) {
          b.onResolve({ filter: /^@migralint\/verify$/ }, () => ({ path: 'verify', namespace: 'not-included' }));
          b.onLoad({ filter: /.*/, namespace: 'not-included' }, () => ({
            contents: "throw Object.assign(new Error(\"Cannot find package '@migralint/verify' (not in the standalone bundle)\"), { code: 'ERR_MODULE_NOT_FOUND' }); module.exports = {};",
            loader: 'js',
          }));
        },
      },
    ],
    // The bin's shebang is kept by esbuild; the banner goes after it. libpg-query's emscripten
    // loader is CommonJS: it finds libpg-query.wasm in __dirname, which is the bundle's folder here.
    banner: {
      js: `${banner} import { fileURLToPath as __migralintPath } from 'node:url'; const __filename = __migralintPath(import.meta.url); const __dirname = __migralintPath(new URL('.', import.meta.url));`,
    },
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
  };
  const result = await build(options);
  const files = new Map();
  files.set('migralint.mjs', result.outputFiles[0].contents);
  // The command and each worker are files of their own beside migralint.mjs, each self-contained.
  // `.js`: the entry and the CLI load them by that name; the package.json makes Node read them as
  // ES modules wherever standalone/ is copied.
  const command = await build({ ...options, entryPoints: [path.join(cliDir, 'src/main.ts')], outfile: path.join(root, 'standalone/main.js') });
  files.set('main.js', command.outputFiles[0].contents);
  files.set('package.json', Buffer.from('{ "type": "module" }\n'));
  for (const name of workerEntries()) {
    const worker = await build({ ...options, entryPoints: [path.join(cliDir, 'src', `${name}.ts`)], outfile: path.join(root, `standalone/${name}.js`), metafile: false });
    files.set(`${name}.js`, worker.outputFiles[0].contents);
  }
  const requireFromCore = createRequire(path.join(root, 'packages/core/package.json'));
  const wasm = path.join(path.dirname(requireFromCore.resolve('libpg-query')), 'libpg-query.wasm');
  files.set('libpg-query.wasm', fs.readFileSync(wasm));
  files.set('THIRD-PARTY-LICENSES.txt', Buffer.from(thirdPartyLicenses({ inputs: { ...result.metafile.inputs, ...command.metafile.inputs } }, 'migralint.mjs and main.js')));
  return files;
}

/** The licence texts of every npm package whose code the standalone bundle carries (MIT and ISC require them). */
function thirdPartyLicenses(metafile, where) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.split('node_modules/.pnpm/').at(-1) ?? '');
    if (!match) continue;
    const dir = path.join(root, input.slice(0, input.lastIndexOf(`node_modules/${match[1]}/`)), 'node_modules', match[1]);
    packages.set(match[1], dir);
  }
  const parts = [`Third-party software bundled in ${where}, with its licence.\n`];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `${pkg.license} (no licence file in the package)`;
    parts.push(`\n== ${name}@${pkg.version} (${pkg.license})\n\n${text}\n`);
  }
  return parts.join('');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--standalone');
  if (at === -1) {
    await bundlePackage();
  } else {
    const outdir = path.resolve(process.argv[at + 1] ?? path.join(root, 'standalone'));
    fs.mkdirSync(outdir, { recursive: true });
    for (const [name, bytes] of await bundleStandalone()) fs.writeFileSync(path.join(outdir, name), bytes);
    fs.chmodSync(path.join(outdir, 'migralint.mjs'), 0o755);
    const size = fs.statSync(path.join(outdir, 'migralint.mjs')).size;
    console.log(`standalone: ${path.relative(root, outdir)}/migralint.mjs ${(size / 1024).toFixed(0)} KiB + libpg-query.wasm`);
  }
}
