import { describe, expect, it } from 'vitest';
import { lint } from '@migralint/migrations';
import { testPlugin } from './test-plugin.js';

async function run(sql: string, config: { noInlineDisable?: string[]; rules?: Record<string, 'error' | 'warn' | 'off'> } = {}) {
  const result = await lint({
    files: [{ path: 'm.sql', content: sql }],
    config: { plugins: [testPlugin], rules: { 'test/drop-column': 'error', ...config.rules }, noInlineDisable: config.noInlineDisable ?? [] },
  });
  const messages = result.files[0]!.messages;
  return {
    result,
    shown: messages.filter((m) => !m.suppressed).map((m) => `${m.line} ${m.ruleId}`),
    suppressed: messages.filter((m) => m.suppressed).map((m) => ({ line: m.line, ...m.suppressed })),
  };
}

describe('directives (DESIGN.md §7)', () => {
  it('disable-next-statement covers a statement spanning lines and keeps the reason', async () => {
    const { shown, suppressed, result } = await run(
      '-- migralint-disable-next-statement test/drop-column -- unused since v3, OPS-42\nALTER TABLE users\n  DROP COLUMN legacy;\nALTER TABLE t DROP COLUMN b;',
    );
    expect(shown).toEqual(['4 test/drop-column']);
    // `line` in a suppression is the directive's line.
    expect(suppressed).toEqual([{ line: 1, kind: 'directive', reason: 'unused since v3, OPS-42' }]);
    expect(result.suppressedCount).toBe(1);
    expect(result.errorCount).toBe(1);
  });

  it('finds directives between statements, inside one and in a body, and none in a string, among many statements', async () => {
    // Only the stretch around each `migralint-` is scanned: each of these must still be read as Postgres reads it.
    const filler = Array.from({ length: 200 }, (_, i) => `CREATE TABLE f${i} (id int);`).join('\n');
    const sql = [
      filler,
      "INSERT INTO notes VALUES ('-- migralint-disable-next-statement test/drop-column -- not a comment');",
      'ALTER TABLE a DROP COLUMN x;',
      '-- migralint-disable-next-statement test/drop-column -- between statements',
      'ALTER TABLE b DROP COLUMN y;',
      filler,
      'ALTER TABLE c /* migralint-disable-next-statement -- inside a statement: covers the next one */ DROP COLUMN z;',
      'ALTER TABLE d DROP COLUMN w;',
      'DO $$ BEGIN',
      '  -- migralint-disable-next-statement test/drop-column -- in a body',
      '  ALTER TABLE e DROP COLUMN v;',
      'END $$;',
    ].join('\n');
    const { shown, suppressed } = await run(sql);
    const line = (text: string) => sql.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(shown).toEqual([`${line('TABLE a')} test/drop-column`, `${line('TABLE c')} test/drop-column`]);
    expect(suppressed.map((s) => s.reason)).toEqual(['between statements', 'inside a statement: covers the next one', 'in a body']);
  });

  it('disable … enable ranges, block comments and pack wildcards', async () => {
    const { shown } = await run(
      'ALTER TABLE a DROP COLUMN x;\n-- migralint-disable test/* -- batch cleanup, ticket 7\nALTER TABLE b DROP COLUMN y;\n/* migralint-disable test/drop-column -- block comments work too */\nALTER TABLE c DROP COLUMN z;\n-- migralint-enable test/*\nALTER TABLE d DROP COLUMN w;',
    );
    expect(shown).toEqual(['1 test/drop-column', '4 migralint/unused-directive', '7 test/drop-column']);
  });

  it('a pack wildcard inside a block comment opens a nested comment, as Postgres reads it', async () => {
    // Postgres nests /* */ comments, so "test/*" starts an inner comment that never closes.
    const { shown } = await run('/* migralint-disable test/* -- x */\nALTER TABLE a DROP COLUMN x;');
    expect(shown).toEqual(['1 migralint/parse-error']);
  });

  it('disable-file covers the whole file, even above the comment', async () => {
    const { shown } = await run('ALTER TABLE a DROP COLUMN x;\n-- migralint-disable-file test/drop-column -- generated file\nALTER TABLE b DROP COLUMN y;');
    expect(shown).toEqual([]);
  });

  it('reports a directive without a reason but still honours it', async () => {
    const { shown, suppressed } = await run('-- migralint-disable-next-statement test/drop-column\nALTER TABLE a DROP COLUMN x;');
    expect(shown).toEqual(['1 migralint/directive-missing-reason']);
    expect(suppressed).toHaveLength(1);
  });

  it('reports a directive that suppressed nothing', async () => {
    const { shown } = await run('-- migralint-disable-next-statement test/drop-column -- just in case\nSELECT 1;');
    expect(shown).toEqual(['1 migralint/unused-directive']);
  });

  it('reports unknown rule ids with a suggestion and unknown directive names', async () => {
    const { result } = await run(
      '-- migralint-disable-next-statement test/drop-colum -- typo\nALTER TABLE a DROP COLUMN x;\n-- migralint-disable-next-line test/drop-column -- eslint habit\nSELECT 1;',
    );
    const texts = result.files[0]!.messages.filter((m) => !m.suppressed).map((m) => `${m.line} ${m.ruleId} ${m.message}`);
    expect(texts).toEqual([
      '1 migralint/invalid-directive Directive names unknown rule "test/drop-colum" (did you mean "test/drop-column"?); it suppresses nothing',
      '2 test/drop-column Dropping column "x"',
      expect.stringMatching(/^3 migralint\/invalid-directive Unknown directive "migralint-disable-next-line"/),
    ]);
  });

  it('refuses inline disables of protected rules (noInlineDisable)', async () => {
    const { shown, suppressed } = await run('-- migralint-disable-next-statement test/drop-column -- I know\nALTER TABLE a DROP COLUMN x;', {
      noInlineDisable: ['test/*'],
    });
    expect(shown).toEqual(['1 migralint/disallowed-directive', '2 test/drop-column']);
    expect(suppressed).toEqual([]);
  });

  it('ignores directive-looking text inside string literals', async () => {
    const { shown } = await run("SELECT '-- migralint-disable-file test/drop-column -- no';\nALTER TABLE a DROP COLUMN x;");
    expect(shown).toEqual(['2 test/drop-column']);
  });

  it('lets the directive rules be configured like any rule', async () => {
    const { shown } = await run('-- migralint-disable-next-statement test/drop-column\nSELECT 1;', {
      rules: { 'migralint/directive-missing-reason': 'off', 'migralint/unused-directive': 'off' },
    });
    expect(shown).toEqual([]);
  });
});
