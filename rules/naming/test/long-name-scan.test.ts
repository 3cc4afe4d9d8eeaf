// The pre-check may say "may" too often (a scan too many), never "no" when the scanner reads a long
// name: checked against Postgres' own scanner on tricky pieces and on fast-check's mixes of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadParser, scanSql } from '@migralint/core';
import { mayHoldLongName } from '../src/long-name-scan.js';

await loadParser();

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** The longest name the scanner reads in `sql` (U&"…" left out, as the rule does), in bytes. */
function longestScannedName(sql: string): number {
  let longest = 0;
  for (const t of scanSql(sql) ?? []) {
    if (t.tokenName !== 'IDENT' || /^u&/i.test(t.text)) continue;
    const value = t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text.toLowerCase();
    longest = Math.max(longest, bytes(value));
  }
  return longest;
}

const LONG = 'a'.repeat(64);
const GREEK = 'αβγδεζηθικλμνξοπρστυφχψωαβγδεζηθ'; // 64 bytes

describe('mayHoldLongName', () => {
  it('finds long names, bare, quoted, with "" inside, non-ASCII, after strings and comments that look like they hide them', () => {
    for (const sql of [
      `CREATE TABLE ${LONG} (id int);`,
      `CREATE TABLE "${'a'.repeat(63)}""b" (id int);`,
      `CREATE TABLE t ("${GREEK}" int);`,
      `SELECT 'it''s' AS ${LONG};`,
      `SELECT E'it\\'s' AS ${LONG};`,
      `SELECT 'C:\\' AS ${LONG};`,
      `SELECT $$x$$, $a$ $$ $a$ AS ${LONG};`,
      `SELECT 1 /* a /* nested */ comment */ AS ${LONG};`,
      `SELECT x$y$ AS ${LONG};`,
      `SELECT $1 AS ${LONG};`,
    ]) {
      expect(longestScannedName(sql), sql).toBeGreaterThan(63);
      expect(mayHoldLongName(sql, 63), sql).toBe(true);
    }
  });

  it('says no for long strings, comments, dollar quotes and long stretches between short quoted names', () => {
    for (const sql of [
      `COMMENT ON TABLE t IS '${LONG}';`,
      `-- ${LONG}\nSELECT 1;`,
      `SELECT E'\\'${LONG}';`,
      `CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 AS ${LONG} $body$ LANGUAGE sql;`,
      `INSERT INTO "t" ("a", "b") VALUES ('{"key": "${'x'.repeat(100)}"}', '${GREEK}');`,
      `CREATE TABLE "users" (id bigint, email text not null, created_at timestamptz, "name" text);`,
    ]) {
      expect(longestScannedName(sql), sql).toBeLessThanOrEqual(63);
      expect(mayHoldLongName(sql, 63), sql).toBe(false);
    }
  });

  it('never says no when the scanner reads a name over the limit (generated mixes)', () => {
    const piece = fc.oneof(
      fc.constantFrom("'", '"', "''", '""', 'E', 'e', "E'", "U&'", 'U&"', "N'", "B'", "X'", '\\', '$', '$$', '$a$', '$1', '--', '/*', '*/', '\n', ' ', ',', '(', ')', ';', '-', '/', '*'),
      fc.constantFrom('x', LONG, GREEK, 'αβγ', '😀', 'select', 'as', '12', '_', 'a$'),
      fc.stringMatching(/^[a-z_][a-z0-9_$]{0,70}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 63 }), (pieces, maxBytes) => {
        const sql = pieces.join('');
        if (longestScannedName(sql) > maxBytes) expect(mayHoldLongName(sql, maxBytes)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
