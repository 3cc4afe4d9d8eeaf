import { describe, expect, it } from 'vitest';
import {
  alterTableSubcommands,
  defineRule,
  definePlugin,
  findQualifiedName,
  matchesTablePattern,
  readDropNames,
  readNameList,
  readQualifiedName,
  skipParenthesized,
  splitTopLevel,
  wordRuns,
  type SqlToken,
} from '@migralint/core';
import { lint } from '@migralint/migrations';

/** The real scanner's tokens of the first statement of `sql`, through a rule as the packs get them. */
async function tokensOf(sql: string): Promise<SqlToken[]> {
  let tokens: SqlToken[] = [];
  const probe = defineRule({
    meta: { type: 'problem', docs: { description: 'probe', url: 'https://example.test' }, defaultSeverity: 'info', recommended: true, messages: {} },
    create: (context) => ({ Statement: () => void (tokens = [...context.tokensOf()]) }),
  });
  await lint({ files: [{ path: 'a.sql', content: sql }], config: { plugins: [definePlugin({ name: 'probe', rules: { probe } })] } });
  return tokens;
}

describe('name helpers over scanner tokens', () => {
  it('classifies every kind of token, prefixed strings and names included', async () => {
    const tokens = await tokensOf(`SELECT "Q""x", U&"a", B'1', X'ff', U&'d', E'\\n', 1.5, $1::int, (abc) FROM t`);
    expect(tokens.map((t) => `${t.kind}:${t.value}`)).toEqual([
      'keyword:select',
      'identifier:Q"x',
      'punctuation:,',
      'identifier:U&"a"',
      'punctuation:,',
      "string:B'1'",
      'punctuation:,',
      "string:X'ff'",
      'punctuation:,',
      "string:U&'d'",
      'punctuation:,',
      "string:E'\\n'",
      'punctuation:,',
      'number:1.5',
      'punctuation:,',
      'parameter:$1',
      'operator:::',
      'keyword:int',
      'punctuation:,',
      'punctuation:(',
      'identifier:abc',
      'punctuation:)',
      'keyword:from',
      'identifier:t',
    ]);
  });

  it('splits subcommands at top-level commas only', async () => {
    const tokens = await tokensOf('ALTER TABLE t ADD c numeric(10, 2), DROP d');
    expect(splitTopLevel(tokens.slice(3)).map((part) => part.map((t) => t.value).join(' '))).toEqual(['add c numeric ( 10 , 2 )', 'drop d']);
  });

  it('reads a DROP name list with ranges, quoted and qualified, after non-ASCII text', async () => {
    const text = '-- é\nDROP TABLE IF EXISTS a, s."B", name CASCADE';
    const names = readNameList(await tokensOf(text), 2)!;
    expect(names.map((n) => [n.parts, text.slice(n.range.start, n.range.end)])).toEqual([
      [['a'], 'a'],
      [['s', 'B'], 's."B"'],
      [['name'], 'name'],
    ]);
  });

  it('does not read a reserved keyword as a name', async () => {
    expect(readQualifiedName(await tokensOf('SELECT 1'), 0)).toBeUndefined();
  });

  it('reads DROP FUNCTION names past their argument lists', async () => {
    const text = 'DROP FUNCTION IF EXISTS f(int, numeric(10, 2)), s.g';
    const names = readDropNames(await tokensOf(text), ['function'], true)!;
    expect(names.map((n) => text.slice(n.range.start, n.range.end))).toEqual(['f', 's.g']);
    expect(readDropNames(await tokensOf(text), ['table'])).toBeUndefined();
  });

  it('lines the ALTER TABLE subcommands up with the name skipped', async () => {
    const text = 'ALTER TABLE s.t * ADD c numeric(10, 2), DROP d';
    const parts = alterTableSubcommands(await tokensOf(text), text.indexOf('s.t'))!;
    expect(parts.map((part) => part.map((t) => t.value).join(' '))).toEqual(['add c numeric ( 10 , 2 )', 'drop d']);
  });

  it('finds a qualified name, not the tail of a longer one', async () => {
    const tokens = await tokensOf('UPDATE x.a SET a = a.a');
    const found = findQualifiedName(tokens, ['a'])!;
    expect(found.range.start).toBe('UPDATE x.a SET '.length);
    expect(findQualifiedName(tokens, ['x', 'a'])!.range).toEqual({ start: 7, end: 10 });
  });

  it('skips a balanced parenthesised group, and finds runs of words', async () => {
    const tokens = await tokensOf('REINDEX (VERBOSE, CONCURRENTLY) TABLE t');
    expect(tokens[skipParenthesized(tokens, 1)]!.value).toBe('table');
    expect(skipParenthesized(tokens, 0)).toBe(0);
    expect(wordRuns(await tokensOf('ALTER TABLE t ENABLE ROW LEVEL SECURITY'), ['row', 'level', 'security'])).toEqual([{ start: 21, end: 39 }]);
  });
});

describe('matchesTablePattern', () => {
  it('matches names, or schema.table when the pattern has a dot', () => {
    expect(matchesTablePattern({ schema: undefined, name: 'tmp_x' }, ['tmp_*'])).toBe(true);
    expect(matchesTablePattern({ schema: 'app', name: 'tmp_x' }, ['tmp_*'])).toBe(true);
    expect(matchesTablePattern({ schema: undefined, name: 'x' }, ['public.*'])).toBe(true);
    expect(matchesTablePattern({ schema: 'app', name: 'x' }, ['public.*'])).toBe(false);
    expect(matchesTablePattern({ schema: undefined, name: 'tmpx' }, ['tmp_*'])).toBe(false);
  });
});
