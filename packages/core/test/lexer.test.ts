// Core's port of PostgreSQL's lexer (src/lexer/scan-sql.ts) must give exactly what libpg-query's
// scanner gives — tokens, byte offsets, texts, names, keyword categories, and a refusal where
// Postgres' lexer refuses — on chosen edge cases, on fuzzed text and on every file of the corpus.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lexSql, UNSURE } from '../src/lexer/scan-sql.js';
import { loadParser, scanSql, scanWithLibpgQuery, type Token } from '../src/parser.js';

beforeAll(loadParser);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The fields callers read (libpg-query's objects carry two more). */
const plain = (tokens: Token[] | undefined) => tokens?.map(({ start, end, text, tokenName, keywordKind }) => ({ start, end, text, tokenName, keywordKind }));

/** libpg-query cannot print a control character in its JSON; parser.ts's workaround turns \v and \f into tokens. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/;

function expectSameAsLibpgQuery(sql: string): void {
  const ours = lexSql(sql);
  if (ours === UNSURE) return; // scanSql asks libpg-query itself then
  expect(ours ?? null, JSON.stringify(sql)).toEqual(plain(scanWithLibpgQuery(sql)) ?? null);
}

describe('the lexer reads what libpg-query reads', () => {
  const cases = [
    'select 1.5e3, 0x1F, 1_000, 5., .5, $1, a::int, x := 3, y => 2, a<=b, a>=b, a<>b, a!=b, 1..2',
    "'it''s', E'a\\'b', B'101', X'ff', N'x', U&'d' UESCAPE '!', U&\"x\", \"Quoted\"\"x\"",
    '$$body$$, $tag$ x $a$ $tag$, $ab, $, $1a, $1_000, $1.5, $1$',
    '-- comment\n/* a /* nested */ */ +- , @-, ~=, ;[] abort between {}',
    "'a'\n  'b' x, 'a' -- c\n'b', 'a'  'b', 'a'\r\n'b', 'a'\n-- c\n'b'",
    "B'1''0', X'a''b', U&'a''b', e'a''b', E'a\\\nb'",
    '12345678901 2147483647 2147483648 0x7fffffff 0x80000000 0b101 0o17 0x_1 0b1_0 1_000.5_5 1e1_0',
    '1..x 1...2 1.. x.1 1.5.x 1.e5 .e5 1.2.3 10$ 1$1 1.5$ 1e+5$',
    '*/* x */ +--x ~~* |/ 1 @@ 1 a.b.* ?| !! #>> a->>\'b\' <=> =>> -+ *- @- a*-1',
    'é ü é1 ß😀 naïve "ünïcode" $é$ x $é$',
    'U&x u&"a" uescape N n\'x\' nchar',
    '\\gset \\\\ \\',
  ];
  for (const sql of cases) it(JSON.stringify(sql).slice(0, 60), () => expectSameAsLibpgQuery(sql));

  const refused = ['0x1Fg', '1e5x', '1a', '1_', '1__0', '0x1_', '1e', '1e+', '1.5e', '.5x', '0b2', '0o8', '0x', '1e1$', '1_0$', '""', 'U&""', "'abc", '/* x', '/* a /* b */', '$$ x', 'x$$y $$', '$112345678901', `a ${'~'.repeat(64)} b`];
  for (const sql of refused) {
    it(`refuses ${JSON.stringify(sql)} as Postgres does`, () => {
      expect(lexSql(sql)).toBeUndefined();
      expect(scanWithLibpgQuery(sql)).toBeUndefined();
    });
  }

  it('leaves E strings whose escapes make bytes or code points to libpg-query, which decides', () => {
    for (const sql of ["e'\\xff'", "e'\\u00e9'", "e'\\000'", "e'\\101'", "e'\\ud83d\\ude00'", "e'\\ud800'"]) {
      expect(lexSql(sql)).toBe(UNSURE);
      expect(plain(scanSql(sql))).toEqual(plain(scanWithLibpgQuery(sql)));
    }
    expect(scanSql("e'\\xff'")).toBeUndefined(); // not UTF-8: Postgres refuses it
    expect(scanSql("e'\\xc3\\xa9'")?.map((t) => t.text)).toEqual(["e'\\xc3\\xa9'"]);
  });

  it('reads \\v and \\f as the whitespace they are to Postgres', () => {
    expect(lexSql('a\vb\fc')).toEqual(plain(scanWithLibpgQuery('a\vb\fc')));
    expect((lexSql("select '\x1b[2J'\v, 1") as Token[]).map((t) => t.text)).toEqual(['select', "'\x1b[2J'", ',', '1']);
  });

  it('gives UTF-8 byte offsets', () => {
    const tokens = lexSql("'é' 😀x \"ü\"") as Token[];
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 4],
      [5, 10],
      [11, 15],
    ]);
  });

  it('agrees on fuzzed text made of the pieces tokens are made of', () => {
    const pieces = ["'", '"', '$', '$$', '$a$', '$1', '--', '/*', '*/', '\n', ' ', '\t', '\r', '0', '1', '9', '_', '.', 'e', 'E', 'x', 'b', 'o', 'n', 'u', 'U', '&', '\\', ':', '=', '<', '>', '!', '+', '-', '*', '/', '%', '^', '~', '@', '#', '|', '`', '?', ',', '(', ')', '[', ']', ';', '{', 'select', 'INT', 'é', '😀', "''", '""', '0x', '1e', '5.', '12345678901', 'uescape'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }), (parts) => {
        const sql = parts.join('');
        if (!RAW_CONTROLS.test(sql)) expectSameAsLibpgQuery(sql);
      }),
      { numRuns: 4000, seed: 20261206 },
    );
  });

  it('keywords.ts is what libpg-query says (run scripts/write-sql-keywords.mjs after upgrading it)', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/write-sql-keywords.mjs'), '--check'], { stdio: 'pipe' });
  });
});

const corpus = path.resolve(root, '../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`lexer.test.ts: corpus comparison skipped — ${corpus}/MANIFEST.tsv is not present`);

describe.skipIf(!present)('the lexer on the shared corpus', () => {
  it('reads every file exactly as libpg-query does', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.sql')) files.push(full);
      }
    };
    walk(corpus);
    expect(files.length).toBeGreaterThan(6000);
    const differing = files.filter((file) => {
      const sql = fs.readFileSync(file, 'utf8');
      const ours = lexSql(sql);
      if (ours === UNSURE || RAW_CONTROLS.test(sql)) return false;
      return JSON.stringify(ours ?? null) !== JSON.stringify(plain(scanWithLibpgQuery(sql)) ?? null);
    });
    expect(differing).toEqual([]);
  });
});
