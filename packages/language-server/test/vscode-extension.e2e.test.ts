// The VS Code extension (editors/vscode) builds and packs into a .vsix with @vscode/vsce, as a release
// would: type-checked, bundled with the language client, and the package holds what VS Code loads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../cli/test/run-cli.js';

const extension = path.join(repoRoot, 'editors/vscode');

function npm(args: string[]) {
  const run = spawnSync('npm', args, { cwd: extension, encoding: 'utf8', timeout: 240_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}):\n${run.stdout}${run.stderr}`);
  return run;
}

/** The names in a zip's central directory (a .vsix is a zip). */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names.sort();
}

describe('editors/vscode', () => {
  it('packs into a .vsix with vsce package', () => {
    npm(['run', 'build']);
    const vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-vsix-')), 'migralint.vsix');
    const packed = npm(['run', 'package', '--', '--out', vsix]);
    expect(packed.stdout).toMatch(/DONE\s+Packaged: /);
    expect(zipEntries(vsix)).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
    ]);
    const bundle = fs.readFileSync(path.join(extension, 'dist/extension.js'), 'utf8');
    // The language client is inside; only VS Code's own API is left to the host.
    expect(bundle).toContain('require("vscode")');
    expect([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((name) => name !== 'vscode' && !isBuiltin(name!))).toEqual([]);
    expect(bundle).toContain('"lsp"');
  });
});

