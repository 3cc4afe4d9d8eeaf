import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot, runCli } from './run-cli.js';

const example = 'fixtures/example-project/supabase/migrations';

beforeAll(assertBuilt);

describe('the README example, end to end', () => {
  it('shows each finding at the right line:column, also after non-ASCII text and CRLF, and exits 1', async () => {
    const run = await runCli([example]);
    expect(run.code).toBe(1);
    // The lines of one file's block (other rules may add more lines; these must be among them).
    const blockOf = (file: string) => {
      const blocks = run.stdout.split('\n\n');
      return blocks.find((b) => b.split('\n')[0]!.endsWith(file))?.split('\n').slice(1) ?? [];
    };
    expect(blockOf('20260219120000_cleanup.sql')).toContainEqual(expect.stringMatching(/^\s*3:31-3:42\s+error\s+Dropping column "legacy_flag".*destructive\/no-drop-column$/));
    // CRLF file with é and an emoji in the comment above: `public."réglages"` starts at column 12.
    expect(blockOf('20260301080000_archive_settings.sql')).toContainEqual(expect.stringMatching(/^\s*4:12-4:29\s+error\s+Dropping table "public.réglages".*destructive\/no-drop-table$/));
    const typo = blockOf('20260315090000_add_index.sql');
    expect(typo).toContainEqual(expect.stringMatching(/^\s*2:1-2:6\s+error\s+PostgreSQL cannot parse this statement.*migralint\/parse-error$/));
    expect(typo).toContainEqual(expect.stringMatching(/^\s*4:32-4:43\s+error\s+Dropping column "coupon_code".*destructive\/no-drop-column$/));
    // The truncate with a written reason is suppressed, and said so in the summary.
    expect(run.stdout).not.toContain('no-truncate');
    expect(run.stdout).toMatch(/✖ 4 errors.*1 suppressed/);
  });

  it('writes JSON that validates against the shipped schema, with the suppressed finding and its reason', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-json-')), 'report.json');
    const run = await runCli(['--format', `json=${out}`, example]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/reporter-json/schema/migralint-report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const truncate = report.files.flatMap((f: { messages: unknown[] }) => f.messages).find((m: { ruleId: string }) => m.ruleId === 'destructive/no-truncate');
    expect(truncate.suppressed).toEqual({ kind: 'directive', reason: 'sessions are re-created at login; ticket OPS-7', line: 1 });
  });

  it('writes terminal to stdout and SARIF to a file in one run', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-sarif-')), 'nested', 'migralint.sarif');
    const run = await runCli(['--format', 'terminal', '--format', `sarif=${out}`, example]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('destructive/no-drop-column');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; suppressions?: unknown[] }>;
    expect(results.filter((r) => r.level === 'error' && !r.suppressions)).toHaveLength(4);
    expect(results.filter((r) => r.suppressions)).toEqual([expect.objectContaining({ ruleId: 'destructive/no-truncate' })]);
  });
});
