// Which workspace packages are published, in one place: every package under packages/ and rules/
// whose package.json is not `"private": true`. A new package is published (by the release script,
// `pnpm publish -r`, and the install test) as soon as it exists without `private`; it must then
// carry the publishing fields that test/publishable-packages.test.ts checks (copy them from
// packages/core/package.json) plus a README.md and a LICENSE. Whether the `migralint` command
// bundles a package is decided by imports, not by a list: the CLI bundle carries every
// @migralint/* package it imports except those in scripts/bundle-cli.mjs's NOT_BUNDLED.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders pnpm-workspace.yaml lists that hold publishable packages. */
const PACKAGE_FOLDERS = ['packages', 'rules'];

/** @returns {{ dir: string, manifest: Record<string, any> }[]} every workspace package under PACKAGE_FOLDERS, sorted by folder. */
export function workspacePackages() {
  const out = [];
  for (const folder of PACKAGE_FOLDERS) {
    for (const name of fs.readdirSync(path.join(root, folder)).sort()) {
      const file = path.join(root, folder, name, 'package.json');
      if (fs.existsSync(file)) out.push({ dir: `${folder}/${name}`, manifest: JSON.parse(fs.readFileSync(file, 'utf8')) });
    }
  }
  return out;
}

/** The packages a release publishes. */
export function publishablePackages() {
  return workspacePackages().filter((p) => !p.manifest.private);
}
