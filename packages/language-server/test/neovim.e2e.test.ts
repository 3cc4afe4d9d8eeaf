// A real editor: Neovim (0.7, Debian's; CI installs it) runs `migralint lsp` with its built-in LSP
// client on the example project, opens a migration and reads vim.diagnostic.get(). The migration has
// CRLF line ends and non-ASCII names before the finding, so the position proves the UTF-16 columns
// the server sends are the ones Neovim converts to its byte columns.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bin, repoRoot } from '../../cli/test/run-cli.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;

describe('Neovim with migralint lsp', () => {
  beforeAll(() => {
    if (available) assertBuilt();
  });
  if (!available) it.skip('skipped: nvim is not installed (CI installs Debian\'s neovim; apt-get install -y neovim)', () => {});

  it.runIf(available)('shows the finding at its place in the example project', () => {
    const project = path.join(repoRoot, 'fixtures/example-project');
    const file = path.join(project, 'supabase/migrations/20260301080000_archive_settings.sql');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-nvim-')), 'diagnostics.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(repoRoot, 'packages/language-server/test/neovim/collect-diagnostics.lua')}`], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, MIGRALINT_LSP_CMD: JSON.stringify([process.execPath, bin, 'lsp', '--stdio']), MIGRALINT_ROOT: project, MIGRALINT_FILE: file, MIGRALINT_OUT: out },
    });
    expect(run.stderr).toBe('');
    const captured = JSON.parse(fs.readFileSync(out, 'utf8'));
    console.log(`Neovim ${nvim.stdout.split('\n')[0]} vim.diagnostic.get():\n${JSON.stringify(captured.diagnostics, null, 2)}`);
    expect(captured.ok).toBe(true);
    // Line 4 is `DROP TABLE public."réglages";`: UTF-16 columns 11–28 (0-based), bytes 11–29.
    expect(captured.diagnostics).toEqual([
      {
        lnum: 3,
        col: 11,
        end_lnum: 3,
        end_col: 11 + Buffer.byteLength('public."réglages"'),
        severity: 1,
        source: 'migralint',
        code: 'destructive/no-drop-table',
        message: expect.stringMatching(/^Dropping table "public\.réglages" deletes its data/),
      },
    ]);
  });
});
