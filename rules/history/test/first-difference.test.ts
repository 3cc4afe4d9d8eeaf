import { describe, expect, it } from 'vitest';
import { firstDifference, lineRange } from '../src/first-difference.js';

describe('firstDifference', () => {
  const cases: Array<[string, string, string, number, string]> = [
    ['a changed line', 'SELECT 1;\nSELECT 2;\n', 'SELECT 1;\nSELECT 3;\n', 2, 'line 2 changed from `SELECT 2;` to `SELECT 3;`'],
    ['a line added', 'SELECT 1;\nSELECT 2;\n', 'SELECT 1;\n-- 🔎 note\nSELECT 2;\n', 2, '1 line added at line 2: `-- 🔎 note`'],
    ['lines removed', 'A;\nB;\nC;\nD;\n', 'A;\nD;\n', 2, '2 lines removed at line 2: `B;`'],
    ['lines removed at the end', 'A;\nB;\n', 'A;', 1, '2 lines removed at line 2: `B;`'],
    ['an insertion before a later change is the first difference', 'a\nb\nc\nd', 'a\nX\nb\nc\nD', 2, '1 line added at line 2: `X`'],
    ['a long line is cut', 'x', `${'y'.repeat(80)}`, 1, `line 1 changed from \`x\` to \`${'y'.repeat(59)}…\``],
    ['an emptied line', 'SELECT 1;\nSELECT 2;', 'SELECT 1;\n   ', 2, 'line 2 changed from `SELECT 2;` to (an empty line)'],
  ];
  for (const [name, before, after, line, description] of cases) {
    it(name, () => expect(firstDifference(before, after)).toEqual({ line, description }));
  }

  it('no difference when only the BOM and line ends changed', () => {
    expect(firstDifference('SELECT 1;\nSELECT 2;\n', '\uFEFFSELECT 1;\r\nSELECT 2;\r\n')).toBeUndefined();
  });
});

describe('lineRange', () => {
  it('finds a line with CRLF, CR and LF line ends, without its line break', () => {
    const text = 'a\r\nbé\rc\n';
    expect(lineRange(text, 1)).toEqual({ start: 0, end: 1 });
    expect(lineRange(text, 2)).toEqual({ start: 3, end: 5 });
    expect(lineRange(text, 3)).toEqual({ start: 6, end: 7 });
    expect(lineRange(text, 4)).toEqual({ start: 8, end: 8 });
  });
});
