// A string constant's value and where each of its bytes is written, for every quoting Postgres has
// for a body; the value must equal what the SQL parser itself reads from the same token.
import { describe, expect, it } from 'vitest';
import { parseSql, scanSql } from '../../src/parser.js';
import { decodeStringLiteral } from '../../src/plpgsql/string-literal.js';
import './helpers.js';

/** The value the SQL parser reads for a constant (as `SELECT <literal>`). */
function parserValue(literal: string): string {
  const parsed = parseSql(`SELECT ${literal}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return (parsed.stmts[0]!.stmt!.SelectStmt as any).targetList[0].ResTarget.val.A_Const.sval.sval ?? '';
}

/** Where (in the token) the value's byte `at` is written, as the token text from there. */
function writtenAt(token: string, at: number): string {
  const decoded = decodeStringLiteral(token);
  if (!decoded.ok) throw new Error(decoded.reason);
  const byte = decoded.segments.mapper().start(at);
  return Buffer.from(token).subarray(byte).toString();
}

describe('decodeStringLiteral', () => {
  const cases = [
    '$$ a ; b $$',
    '$fn$ $$nested$$ ü $fn$',
    "'it''s ☕'",
    "E'a\\nb\\tc\\\\d\\'e\\x41\\101\\u00e9\\U0001F600'",
    "'first'\n  'second'",
    "E'one\\n'\n'two'",
    "''",
  ];
  for (const literal of cases) {
    it(`reads ${JSON.stringify(literal)} as the SQL parser does`, () => {
      const token = scanSql(`SELECT ${literal}`)![1]!;
      expect(token.tokenName).toBe('SCONST');
      const decoded = decodeStringLiteral(token.text);
      expect(decoded.ok && decoded.value).toBe(parserValue(literal));
    });
  }

  it('maps each value byte to where it is written, escapes to the whole escape', () => {
    expect(writtenAt("'it''s'", 2)).toBe("''s'"); // the quote comes from `''`
    expect(writtenAt("'it''s'", 3)).toBe("s'");
    expect(writtenAt("E'x\\ny'", 1)).toBe("\\ny'");
    expect(writtenAt("E'x\\ny'", 2)).toBe("y'");
    expect(writtenAt("'ab'\n 'cd'", 2)).toBe("cd'"); // after a quote continuation
    expect(writtenAt("'é☕x'", 5)).toBe("x'"); // bytes, not characters
    expect(writtenAt('$t$body$t$', 0)).toBe('body$t$');
  });

  it('names what it does not read instead of guessing', () => {
    expect(decodeStringLiteral("U&'d\\0061t\\+000061'")).toMatchObject({ ok: false });
    expect(decodeStringLiteral("E'\\xff'")).toMatchObject({ ok: false });
    expect(decodeStringLiteral("'open")).toMatchObject({ ok: false });
  });
});
