// `--format github` on results the real engine produced: annotation lines as the runner parses them,
// escaping as GitHub documents it, and the job summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, format, jobSummary, workflowCommand } from '@migralint/reporter-github';
import { lintDemo, lintRealistic } from '../../../test/support/reporter-demo.js';

const options = { cwd: '/project/supabase', root: '/project' };

describe('workflow command escaping (actions/toolkit command.ts)', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
  });

  it('never lets other control characters through', () => {
    expect(escapeData('a\u001b[31mred\u0007\tb')).toBe('a\ufffd[31mred\ufffd b');
  });

  it('builds the command with properties in order, leaving out undefined ones', () => {
    expect(workflowCommand('error', { file: 'a,b.sql', line: 3, col: undefined, title: 'x:y' }, 'm')).toBe('::error file=a%2Cb.sql,line=3,title=x%3Ay::m');
  });
});

describe('annotations', () => {
  it('one per open finding, at its range, relative to the repository root, then run problems', async () => {
    const lines = format(await lintRealistic(), options).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=supabase/migrations/20260219120000_cleanup.sql,line=3,endLine=3,col=1,endColumn=42,title=migralint demo/no-drop-column::' +
        'Dropping column "legacy_flag" breaks code that still reads it%0A%0ASafe way: stop reading the column in a release, then drop it in a later migration.' +
        '%0A%0ADocs: https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md',
      expect.stringMatching(/^::warning file=supabase\/migrations\/20260219120000_cleanup\.sql,line=4,.*title=migralint demo\/require-if-not-exists::/),
      expect.stringMatching(/^::notice file=supabase\/migrations\/20260101000000_init\.sql,line=1,.*title=migralint demo\/table-created::/),
      expect.stringMatching(/^::error file=supabase\/migrations\/20260101000000_init\.sql,title=migralint%3A demo\/crashes-on-truncate::/),
    ]);
    // The suppressed DROP TABLE is not annotated.
    expect(lines.join('\n')).not.toMatch(/no-drop-table/);
  });

  it('--quiet keeps the errors only', async () => {
    const lines = format(await lintRealistic(), { ...options, quiet: true }).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::error']);
  });

  it('a multi-line finding carries lines but no columns (GitHub ignores them there)', async () => {
    const result = await lintDemo([{ path: '/project/m.sql', content: 'ALTER TABLE t\n  DROP COLUMN c;\n' }]);
    expect(format(result, options)).toMatch(/^::error file=m\.sql,line=1,endLine=2,title=/);
  });
});

describe('job summary', () => {
  it('counts by rule, lists the errors with their place and docs link, and says what was suppressed', async () => {
    const summary = jobSummary(await lintRealistic(), options);
    const lines = summary.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '## migralint: 1 error, 1 warning, 1 info in 2 files',
      '',
      '| Rule | Errors | Warnings | Infos |',
      '|---|--:|--:|--:|',
      '| [`demo/no-drop-column`](https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md) | 1 | 0 | 0 |',
    ]);
    expect(lines.slice(5, 7).map((l) => l.split(' | ').slice(1).join(' | '))).toEqual(['0 | 1 | 0 |', '0 | 0 | 1 |']);
    expect(summary).toContain('### Errors\n\n- `supabase/migrations/20260219120000_cleanup.sql:3:');
    expect(summary).toContain('`demo/no-drop-column`](https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md): Dropping column "legacy\\_flag" breaks code that still reads it\n');
    expect(summary).toMatch(/### The run had problems\n\n- \*\*error\*\* `supabase\/migrations\/20260101000000_init\.sql`: /);
    expect(summary).toMatch(/\n1 finding suppressed by directives or the baseline\.\n\n$/);
  });

  it('escapes Markdown in messages so an identifier cannot inject links or HTML', async () => {
    const result = await lintDemo([{ path: '/project/m.sql', content: 'ALTER TABLE t DROP COLUMN "<img src=x>[a](b)|";\n' }]);
    expect(jobSummary(result, options)).toContain('Dropping column "\\<img src=x\\>\\[a\\](b)\\|" breaks');
  });

  it('is appended to $GITHUB_STEP_SUMMARY when the runner sets it, and nothing is written otherwise', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-gh-'));
    const file = path.join(dir, 'summary.md');
    fs.writeFileSync(file, '# earlier step\n');
    const result = await lintRealistic();
    format(result, { ...options, env: { GITHUB_STEP_SUMMARY: file } });
    expect(fs.readFileSync(file, 'utf8')).toBe(`# earlier step\n${jobSummary(result, options)}`);
    format(result, { ...options, env: {} });
    expect(fs.readdirSync(dir)).toEqual(['summary.md']);
  });
});
