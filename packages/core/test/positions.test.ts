import { describe, expect, it } from 'vitest';
import { lint } from '@migralint/migrations';
import { testPlugin } from './test-plugin.js';

async function findings(sql: string | Uint8Array, rules: Record<string, 'error' | 'info'> = { 'test/drop-column': 'error' }) {
  const result = await lint({ files: [{ path: 'm.sql', content: sql }], config: { plugins: [testPlugin], rules } });
  return result.files[0]!.messages.map((m) => ({ rule: m.ruleId, at: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, text: m.message, offset: m.offset }));
}

describe('positions (DESIGN.md §5)', () => {
  it('uses 1-based lines and UTF-16 columns after multi-byte text', async () => {
    const sql = '-- 日本語 and 😀 before\nALTER TABLE "résumé😀" DROP COLUMN a;';
    const [m] = await findings(sql);
    expect(m!.at).toBe('2:13-2:23'); // "résumé😀" with quotes: 10 UTF-16 units
    expect(sql.slice(m!.offset, m!.offset + 10)).toBe('"résumé😀"');
  });

  it('counts CRLF line ends as one line break', async () => {
    const [m] = await findings('SELECT 1;\r\n\r\nALTER TABLE t\r\n  DROP COLUMN a;\r\n');
    expect(m!.at).toBe('3:13-3:14');
  });

  it('strips a UTF-8 BOM without shifting columns', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ALTER TABLE t DROP COLUMN a;')]);
    const [m] = await findings(bytes);
    expect(m!.at).toBe('1:13-1:14');
  });

  it('counts a tab as one column', async () => {
    const [m] = await findings('\tALTER TABLE\tt DROP COLUMN a;');
    expect(m!.at).toBe('1:14-1:15');
  });

  it('keeps positions after dollar-quoted bodies with semicolons and non-ASCII', async () => {
    const sql = `CREATE FUNCTION f() RETURNS void AS $body$\nBEGIN\n  RAISE NOTICE 'ünïcödé; still in the body';\nEND;\n$body$ LANGUAGE plpgsql;\nALTER TABLE t DROP COLUMN a;`;
    const [m] = await findings(sql);
    expect(m!.at).toBe('6:13-6:14');
  });

  it('spans a statement without a final semicolon and ignores trailing comments', async () => {
    const all = await findings('SELECT 1;\nSELECT 2 -- trailing\n-- more\n', { 'test/every-statement': 'info' });
    expect(all.map((m) => m.at)).toEqual(['1:1-1:9', '2:1-2:9']);
  });

  it('starts a statement at its first token, not at the comment above it', async () => {
    const all = await findings('/* header */\n-- note\n  DROP TABLE x;', { 'test/every-statement': 'info' });
    expect(all[0]!.at).toBe('3:3-3:15');
  });
});
