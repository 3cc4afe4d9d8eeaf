import { describe, expect, it } from 'vitest';
import { defineRule, definePlugin, matchesTablePattern, type SqlToken } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { readNameList, readQualifiedName, splitTopLevel } from '../src/scan-names.js';

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
