// Embedded statements land where they are written: dollar quotes with any tag, '…' and E'…'
// bodies, non-ASCII text, CRLF, nested quotes, a body starting on the DO line or the next.
import { describe, expect, it } from 'vitest';
import { body, bodies, where } from './helpers.js';

/** Each embedded statement as `kind @ line:col-line:col "file text"`. */
function located(sql: string): string[] {
  return body(sql).statements.map((s) => {
    const w = where(sql, s.range);
    return `${s.kind} @ ${w.at} ${JSON.stringify(w.text)}`;
  });
}

describe('PL/pgSQL statement positions', () => {
  it('places the statements of the issue example on lines 2 and 3 with exact columns', () => {
    const sql = 'do $$ begin\n  drop table public.accounts;\n  alter table public.users drop column email;\nend $$;\n';
    expect(located(sql)).toEqual([
      'DropStmt @ 2:3-2:29 "drop table public.accounts"',
      'AlterTableStmt @ 3:3-3:45 "alter table public.users drop column email"',
    ]);
    // An AST location inside the statement maps to its token (a qualified name is one span).
    const alter = body(sql).statements[1]!;
    expect(where(sql, alter.rangeAt(alter.node.relation.location))).toEqual({ at: '3:15-3:27', text: 'public.users' });
  });

  it('handles a body that starts on the line after DO, CRLF line ends and a custom tag', () => {
    const sql = '-- first\r\nDO\r\n$migrate$\r\nBEGIN\r\n  DROP TABLE old_things;\r\nEND\r\n$migrate$;\r\n';
    expect(located(sql)).toEqual(['DropStmt @ 5:3-5:24 "DROP TABLE old_things"']);
    expect(body(sql).quoting).toBe('dollar');
  });

  it('keeps UTF-16 columns after non-ASCII text before and inside the body', () => {
    const sql = "-- 日本語 😀\nDO $$ BEGIN RAISE NOTICE 'café ☕ 😀'; ALTER TABLE \"résumé😀\" DROP COLUMN \"naïve\"; END $$;";
    const [alter] = body(sql).statements;
    expect(where(sql, alter!.range)).toEqual({ at: '2:39-2:81', text: 'ALTER TABLE "résumé😀" DROP COLUMN "naïve"' });
    expect(where(sql, alter!.rangeAt(alter!.node.relation.location)).text).toBe('"résumé😀"');
  });

  it('reads a single-quoted body with doubled quotes', () => {
    const sql = "CREATE FUNCTION f() RETURNS void AS '\nBEGIN\n  UPDATE t SET note = ''it''''s'' WHERE id = 1;\n  DELETE FROM t;\nEND' LANGUAGE plpgsql;";
    const b = body(sql);
    expect(b.quoting).toBe('standard');
    expect(b.statements.map((s) => s.text)).toEqual(["UPDATE t SET note = 'it''s' WHERE id = 1", 'DELETE FROM t']);
    // The UPDATE holds escaped quotes: its span covers them as written; the DELETE maps byte for byte.
    expect(where(sql, b.statements[0]!.range)).toEqual({ at: '3:3-3:47', text: "UPDATE t SET note = ''it''''s'' WHERE id = 1" });
    expect(b.statements[0]!.precision).toBe('approximate');
    expect(where(sql, b.statements[1]!.range)).toEqual({ at: '4:3-4:16', text: 'DELETE FROM t' });
    expect(b.statements[1]!.precision).toBe('exact');
  });

  it('reads an E-string body with \\n escapes', () => {
    const sql = "DO E'BEGIN\\n  DROP TABLE a;\\n  DROP TABLE \\'b\\'\\'\\';\\nEND';";
    const b = body(sql);
    expect(b.quoting).toBe('escape');
    // E'…' escapes make the statement `DROP TABLE 'b'''`, which Postgres rejects as well.
    expect(b.problems.map((p) => p.kind)).toEqual(['body-syntax']);
    const ok = "DO E'BEGIN\\n  DROP TABLE a;\\n  DROP TABLE \"\\u00e9t\\u00e9\";\\nEND';";
    const c = body(ok);
    expect(c.statements.map((s) => s.text)).toEqual(['DROP TABLE a', 'DROP TABLE "été"']);
    expect(where(ok, c.statements[0]!.range)).toEqual({ at: '1:15-1:27', text: 'DROP TABLE a' });
    expect(where(ok, c.statements[1]!.range).text).toBe('DROP TABLE "\\u00e9t\\u00e9"');
    const drop = c.statements[1]!;
    // The name starts with an escape: the finding covers the escaped name as written.
    expect(where(ok, drop.rangeAt(drop.text.indexOf('"'))).text).toBe('"\\u00e9t\\u00e9"');
  });

  it('reads nested dollar quotes: an EXECUTE of a $q$ string inside a $body$ function', () => {
    const sql = [
      'CREATE OR REPLACE FUNCTION public.reset() RETURNS void',
      'LANGUAGE plpgsql AS $body$',
      'BEGIN',
      "  EXECUTE $q$DROP TABLE IF EXISTS public.cache$q$;",
      '  TRUNCATE public.log;',
      'END',
      '$body$;',
    ].join('\n');
    expect(located(sql)).toEqual([
      'DropStmt @ 4:14-4:47 "DROP TABLE IF EXISTS public.cache"',
      'TruncateStmt @ 5:3-5:22 "TRUNCATE public.log"',
    ]);
  });

  it('finds identical statements on one line in order, each in its own branch', () => {
    const sql = 'DO $$ BEGIN IF a THEN DROP TABLE x; ELSE DROP TABLE x; END IF; END $$;';
    const b = body(sql);
    expect(b.statements.map((s) => where(sql, s.range).at)).toEqual(['1:23-1:35', '1:42-1:54']);
    expect(b.statements.map((s) => s.enclosures.map((e) => (e.kind === 'if' ? e.branch : e.kind)))).toEqual([['then'], ['else']]);
  });

  it('does not mistake a subquery in a condition for the statement after it', () => {
    const sql = 'DO $$ BEGIN IF EXISTS (WITH d AS (DELETE FROM q RETURNING 1) SELECT 1 FROM d) THEN DELETE FROM q; END IF; END $$;';
    const [stmt] = body(sql).statements;
    expect(sql.slice(0, stmt!.range.start)).toMatch(/THEN $/);
  });

  it('maps SELECT … INTO (the target blanked by PL/pgSQL) and PERFORM (read as SELECT)', () => {
    const sql = 'DO $$ DECLARE n int; BEGIN\n  SELECT count(*) INTO n FROM users;\n  PERFORM pg_sleep(1);\nEND $$;';
    const [select, perform] = body(sql).statements;
    expect(where(sql, select!.range)).toEqual({ at: '2:3-2:36', text: 'SELECT count(*) INTO n FROM users' });
    expect(where(sql, select!.rangeAt(select!.node.fromClause[0].RangeVar.location)).text).toBe('users');
    expect(perform!.text).toBe('SELECT pg_sleep(1)');
    expect(perform!.via).toBe('perform');
    expect(where(sql, perform!.range)).toEqual({ at: '3:3-3:22', text: 'PERFORM pg_sleep(1)' });
    // The swapped keyword points at PERFORM; the rest is exact.
    expect(where(sql, perform!.rangeAt(0)).text).toBe('PERFORM');
    expect(where(sql, perform!.rangeAt(perform!.text.indexOf('pg_sleep'))).text).toBe('pg_sleep');
  });

  it('reads several bodies of one file, each against its own statement', () => {
    const sql = "DO $$ BEGIN DROP TABLE a; END $$;\nSELECT 1;\nDO 'BEGIN DROP TABLE b; END';";
    expect(bodies(sql).map((b) => b.statements.map((s) => where(sql, s.range).at))).toEqual([['1:13-1:25'], ['3:11-3:23']]);
  });

  it('follows a function created inside a DO block, with its body running later', () => {
    const sql = [
      'DO $outer$',
      'BEGIN',
      '  CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $fn$',
      '  BEGIN',
      '    DELETE FROM sessions;',
      '  END $fn$;',
      'END $outer$;',
    ].join('\n');
    const [create] = body(sql).statements;
    expect(create!.kind).toBe('CreateFunctionStmt');
    expect(create!.runs).toBe('now');
    const nested = create!.nested!;
    expect(nested.runs).toBe('later');
    expect(nested.name).toBe('cleanup');
    expect(nested.statements.map((s) => `${s.kind} ${where(sql, s.range).at}`)).toEqual(['DeleteStmt 5:5-5:25']);
  });

  it('skips declarations, labels, comments and string constants that hold statement text', () => {
    const sql = [
      "DO $$ <<main>> DECLARE c CURSOR FOR SELECT id FROM t; note text := 'DELETE FROM t'; BEGIN OPEN c; DELETE FROM t;",
      "  RAISE NOTICE 'DELETE FROM t'; DELETE /* all of it */ FROM t;",
      '  <<inner>> LOOP EXIT inner WHEN true; END LOOP inner;',
      'END main $$;',
    ].join('\n');
    const b = body(sql);
    expect(b.statements.map((s) => `${s.kind} ${where(sql, s.range).at} ${where(sql, s.range).text}`)).toEqual([
      'DeleteStmt 1:99-1:112 DELETE FROM t',
      'DeleteStmt 2:33-2:62 DELETE /* all of it */ FROM t',
    ]);
    expect(b.problems).toEqual([]);
  });

  it('skips copies of a statement in strings and comments, however many, and confirms across a cut string', () => {
    const sql = "DO $$ BEGIN RAISE NOTICE '%', 'DELETE FROM t' || 'DELETE FROM t'; /* DELETE FROM t */ DELETE FROM t; UPDATE t SET a='abcdefghijklmnop'; END $$;";
    const b = body(sql);
    expect(b.statements.map((s) => `${s.kind} ${where(sql, s.range).at}`)).toEqual(['DeleteStmt 1:87-1:100', 'UpdateStmt 1:102-1:135']);
  });
});
