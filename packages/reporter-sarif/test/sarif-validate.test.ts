// The check GitHub code scanning effectively applies on upload: Microsoft's SARIF Multitool with its
// SARIF and GitHub rule sets, through the shared `sarif-validate` script. It lives outside the
// repository (../shared/tools), so the test skips, saying why, where that script is absent.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { format } from '@migralint/reporter-sarif';
import { lintRealistic } from '../../../test/support/reporter-demo.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = path.resolve(repoRoot, '../shared/tools/sarif-validate');
const available = existsSync(script);

describe('SARIF Multitool (rule kinds Sarif;Gh)', () => {
  if (!available) it.skip(`skipped: ${script} is absent (it ships with the shared tools, not the repository)`, () => {});

  // The first run installs @microsoft/sarif-multitool into ~/.cache, which takes a few minutes.
  it.runIf(available)('reports 0 errors and 0 warnings on a realistic log', { timeout: 600_000 }, async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'migralint-sarif-'));
    try {
      const file = path.join(directory, 'migralint.sarif');
      writeFileSync(file, format(await lintRealistic(), { cwd: '/project', verbose: true }));
      const { stdout } = await promisify(execFile)(script, ['--strict', file], { timeout: 590_000 }).catch((error) => {
        throw new Error(`sarif-validate failed (exit ${error.code}):\n${error.stdout}${error.stderr}`);
      });
      expect(stdout.trim()).toBe(`${file}: 0 errors, 0 warnings`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
