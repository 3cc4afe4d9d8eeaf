import { describe, expect, it } from 'vitest';
import { readNameList, scanTokens, splitTopLevel } from '../src/scan-names.js';
import { matchesTablePattern } from '../src/table-names.js';

const values = (text: string) => scanTokens(text, 0, text.length).map((t) => `${t.kind}:${t.value}`);

describe('scanTokens', () => {
  it('skips comments, folds unquoted words, unescapes quoted names', () => {
    expect(values('/* a /* nested */ b */ DROP -- x\r\nTable "My ""T""" résumé')).toEqual(['word:drop', 'word:table', 'quoted:My "T"', 'word:résumé']);
  });
  it('keeps strings, E-strings and dollar quotes whole', () => {
    expect(values(`a 'x,''y' E'\\',' $$,$$ $f$ ; $f$ $1`)).toEqual([
      'word:a',
      "string:'x,''y'",
      "string:E'\\','",
      'string:$$,$$',
      'string:$f$ ; $f$',
      'punct:$',
      'number:1',
    ]);
  });
  it('splits subcommands at top-level commas only', () => {
    const tokens = scanTokens('ADD c numeric(10, 2), DROP d', 0, 28);
    expect(splitTopLevel(tokens).map((part) => part.map((t) => t.value).join(' '))).toEqual(['add c numeric ( 10 , 2 )', 'drop d']);
  });
  it('reads a DROP name list with ranges', () => {
    const text = 'DROP TABLE IF EXISTS a, s."B" CASCADE';
    const names = readNameList(scanTokens(text, 0, text.length), 2)!;
    expect(names.map((n) => [n.parts, text.slice(n.range.start, n.range.end)])).toEqual([
      [['a'], 'a'],
      [['s', 'B'], 's."B"'],
    ]);
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
