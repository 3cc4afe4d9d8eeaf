// `--fix` as a user runs it: a rule with a mechanical fix, files with a BOM, CRLF and non-ASCII text;
// only the fixed statements change, untouched files are not rewritten, the report shows what is left.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

// A plugin whose rule inserts IF EXISTS into DROP TABLE, found through the scanner's tokens.
const plugin = `
export default {
  name: 'fixy',
  rules: {
    'drop-if-exists': {
      meta: {
        type: 'suggestion', fixable: true, defaultSeverity: 'warning', recommended: true,
        docs: { description: 'DROP TABLE should say IF EXISTS', url: 'https://example.test/fixy' },
        messages: { add: 'Add IF EXISTS to DROP TABLE' },
      },
      create(context) {
        return {
          DropStmt(node) {
            if (node.removeType !== 'OBJECT_TABLE' || node.missing_ok) return;
            const table = context.tokensOf().find((t) => t.value === 'table');
            context.report({ messageId: 'add', fix: { range: [table.end, table.end], text: ' IF EXISTS' } });
          },
        };
      },
    },
  },
};
`;

describe('--fix', () => {
  it('rewrites only the fixed ranges, keeps BOM and CRLF, leaves other files alone, reports what remains', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = makeProject({
      'migralint.config.json': '{"plugins": ["./fixy.js"], "rules": {"fixy/drop-if-exists": "warn", "destructive/no-truncate": "error"}}',
      'fixy.js': plugin,
      'migrations/1.sql': Buffer.concat([bom, Buffer.from('-- nettoyage: réglages 🧹\r\nDROP TABLE réglages;\r\nTRUNCATE t;\r\nDROP  TABLE IF EXISTS done;\r\n')]),
      'migrations/2.sql': 'SELECT 1;\n',
    });
    const untouched = path.join(dir, 'migrations/2.sql');
    const before = fs.statSync(untouched).mtimeMs;
    const run = await runCli(['migrations', '--fix', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('migralint: fixed 1 file: migrations/1.sql\n');
    const after = fs.readFileSync(path.join(dir, 'migrations/1.sql'));
    expect(after.subarray(0, 3)).toEqual(bom);
    expect(after.subarray(3).toString('utf8')).toBe('-- nettoyage: réglages 🧹\r\nDROP TABLE IF EXISTS réglages;\r\nTRUNCATE t;\r\nDROP  TABLE IF EXISTS done;\r\n');
    expect(fs.statSync(untouched).mtimeMs).toBe(before);
    // The report is of the fixed file: the warning is gone, the TRUNCATE error (no fix) remains.
    const messages = JSON.parse(run.stdout).files.flatMap((f: { messages: Array<{ ruleId: string }> }) => f.messages.map((m) => m.ruleId));
    expect(messages).toEqual(['destructive/no-truncate']);
    expect(run.code).toBe(1);
    // A second run has nothing left to fix and writes nothing.
    const again = await runCli(['migrations', '--fix'], { cwd: dir });
    expect(again.stderr).toBe('');
  });

  it('does not combine with --stdin', async () => {
    const run = await runCli(['--stdin', '--fix'], { input: 'SELECT 1;' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fix rewrites files; it does not combine with --stdin/);
  });
});
