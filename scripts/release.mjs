#!/usr/bin/env node
// Prepares a release: every publishable package (scripts/workspace-packages.mjs) moves to the same
// new version, with core's VERSION constant (what `--version` and the reports print) and the
// committed standalone bundle that carries it. Publishing itself happens in CI from the tag
// (.github/workflows/release.yml: `pnpm publish -r --provenance`). See docs/releasing.md.
//
//   node scripts/release.mjs 0.2.0            bump, rebuild standalone/, print the next steps
//   node scripts/release.mjs 0.2.0 --dry-run  print what would change, change nothing
//   node scripts/release.mjs 0.2.0 --check    exit 1 unless every package is at 0.2.0 (CI, on the tag)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { publishablePackages, root } from './workspace-packages.mjs';

const VERSION_FILE = 'packages/core/src/version.ts';
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const check = args.includes('--check');
const next = args.find((a) => !a.startsWith('--'));
if (!next || !SEMVER.test(next)) {
  console.error(`usage: node scripts/release.mjs <version> [--dry-run]   (a semver like 0.2.0 or 1.0.0-rc.1, got ${next ? `"${next}"` : 'nothing'})`);
  process.exit(2);
}

const versionTs = fs.readFileSync(path.join(root, VERSION_FILE), 'utf8');
const current = /export const VERSION = '([^']+)'/.exec(versionTs)?.[1];
if (!current) throw new Error(`${VERSION_FILE}: no VERSION constant found`);
if (check) {
  const behind = publishablePackages().filter((p) => p.manifest.version !== next).map((p) => `${p.dir} (${p.manifest.version})`);
  if (current !== next) behind.unshift(`${VERSION_FILE} (${current})`);
  if (behind.length > 0) {
    console.error(`release: not at ${next}: ${behind.join(', ')}; run node scripts/release.mjs ${next} and tag that commit`);
    process.exit(1);
  }
  console.log(`release: every package is at ${next}`);
  process.exit(0);
}
if (current === next) {
  console.error(`release: the packages are already at ${next}`);
  process.exit(2);
}

// Text edits, not JSON rewrites: a package.json keeps its formatting (and other branches' diffs stay small).
const edits = [{ file: VERSION_FILE, text: versionTs.replace(`export const VERSION = '${current}'`, `export const VERSION = '${next}'`) }];
for (const { dir, manifest } of publishablePackages()) {
  const file = `${dir}/package.json`;
  if (manifest.version !== current) throw new Error(`${file} is at ${manifest.version}, not ${current}: versions must move together; fix it first`);
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/^(\s*"version":\s*)"[^"]+"/m, `$1"${next}"`);
  edits.push({ file, text });
}

console.log(`release ${current} → ${next}${dryRun ? ' (dry run: nothing written)' : ''}`);
for (const { file } of edits) console.log(`  ${file}`);
console.log('  standalone/ (regenerated: it carries the version)');
if (dryRun) process.exit(0);

for (const { file, text } of edits) fs.writeFileSync(path.join(root, file), text);
execFileSync(process.execPath, [path.join(root, 'scripts/bundle-cli.mjs'), '--standalone'], { cwd: root, stdio: 'inherit' });
console.log(`
Next:
  npx -y pnpm@10.34.8 test && npx -y pnpm@10.34.8 test:e2e
  git commit -am "Release ${next}" && git tag v${next} && git push origin HEAD v${next}
The tag starts .github/workflows/release.yml, which publishes every package with provenance.`);
