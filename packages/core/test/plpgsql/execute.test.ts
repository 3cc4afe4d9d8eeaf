// EXECUTE of text known before run time is parsed like a static statement; any other EXECUTE is
// returned as dynamic with its range. Bad bodies and bad statements become problems, never throws.
import { describe, expect, it } from 'vitest';
import { body, where } from './helpers.js';

describe('EXECUTE', () => {
  it('parses a constant string, a || of constants, and format() with %I %L %s and %%', () => {
    const sql = `DO $$
BEGIN
  EXECUTE 'DROP TABLE audit_old';
  EXECUTE 'ALTER TABLE users ' || 'DROP COLUMN legacy';
  EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT %I CHECK (kind <> %L)', 'public', 'Order', 'kind_check', 'it''s');
  EXECUTE format('COMMENT ON TABLE t IS %L', '100%% \\ done');
  EXECUTE format('CREATE INDEX %2$s ON %1$s (id)', 'users', 'users_id_idx');
  EXECUTE format('SELECT ''100%%''');
END $$;`;
    const b = body(sql);
    expect(b.dynamic).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(b.statements.map((s) => [s.via, s.text])).toEqual([
      ['execute', 'DROP TABLE audit_old'],
      ['execute', 'ALTER TABLE users DROP COLUMN legacy'],
      ['execute', `ALTER TABLE public."Order" ADD CONSTRAINT kind_check CHECK (kind <> 'it''s')`],
      ['execute', "COMMENT ON TABLE t IS E'100%% \\\\ done'"],
      ['execute', 'CREATE INDEX users_id_idx ON users (id)'],
      ['execute', "SELECT '100%'"],
    ]);
  });

  it('maps template text exactly and a substituted value to its whole argument', () => {
    const sql = "DO $$ BEGIN EXECUTE format('DROP TABLE %I CASCADE', 'sessions'); END $$;";
    const [drop] = body(sql).statements;
    expect(drop!.precision).toBe('approximate');
    expect(where(sql, drop!.range).text).toBe('DROP TABLE %I CASCADE');
    expect(where(sql, drop!.rangeAt(0)).text).toBe('DROP'); // template: exact
    expect(where(sql, drop!.rangeAt(drop!.text.indexOf('sessions'))).text).toBe("'sessions'"); // substituted
    // A statement ending in a substituted value ends where that argument does.
    const last = "DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'sessions'); END $$;";
    expect(where(last, body(last).statements[0]!.range).text).toBe("DROP TABLE %I', 'sessions'");
    const constant = body("DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;").statements[0]!;
    expect(constant.precision).toBe('exact');
  });

  it('returns an EXECUTE built from variables or functions as dynamic, with its range and why', () => {
    const sql = `CREATE FUNCTION drop_partition(name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE stmt text := 'x'; r record;
BEGIN
  EXECUTE format('DROP TABLE %I', name);
  EXECUTE 'TRUNCATE ' || quote_ident(name);
  EXECUTE stmt USING 1;
  EXECUTE format('DROP TABLE %-10s', 'a');
  FOR r IN EXECUTE 'SELECT * FROM ' || name LOOP NULL; END LOOP;
END $$;`;
    const b = body(sql);
    expect(b.statements).toEqual([]);
    expect(b.dynamic.map((d) => [where(sql, d.range).at, d.expression, d.reason, d.runs])).toEqual([
      ['4:11-4:40', "format('DROP TABLE %I', name)", 'the variable name', 'later'],
      ['5:11-5:43', "'TRUNCATE ' || quote_ident(name)", 'the call to quote_ident()', 'later'],
      ['6:11-6:15', 'stmt', 'the variable stmt', 'later'],
      ['7:11-7:42', "format('DROP TABLE %-10s', 'a')", 'a format() specifier %-10s that is not read', 'later'],
      ['8:20-8:44', "'SELECT * FROM ' || name", 'the variable name', 'later'],
    ]);
  });

  it('parses several statements of one EXECUTE string, each with its own range', () => {
    const sql = "DO $$ BEGIN EXECUTE 'DROP INDEX a; DROP INDEX b'; END $$;";
    expect(body(sql).statements.map((s) => where(sql, s.range).text)).toEqual(['DROP INDEX a', 'DROP INDEX b']);
  });
});

describe('problems', () => {
  it('returns a body the PL/pgSQL parser rejects as a problem at the offending token', () => {
    const sql = 'DO $$\nBEGIN\n  DORP TABLE a;\nEND $$;';
    const b = body(sql);
    expect(b.statements).toEqual([]);
    expect(b.problems.map((p) => [p.kind, p.message, where(sql, p.range).at])).toEqual([['body-syntax', 'syntax error at or near "DORP"', '3:3-3:7']]);
  });

  it('points at the whole body when the parser names no single token', () => {
    const sql = 'DO $$ BEGIN DROP TABLE a END $$;';
    const [problem] = body(sql).problems;
    expect(problem!.kind).toBe('body-syntax');
    expect(where(sql, problem!.range).text).toBe(' BEGIN DROP TABLE a END ');
  });

  it('returns an EXECUTE string the SQL parser rejects as a problem inside the string', () => {
    const sql = "DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN'; DROP TABLE u; END $$;";
    const b = body(sql);
    expect(b.statements.map((s) => s.text)).toEqual(['DROP TABLE u']);
    expect(b.problems.map((p) => [p.kind, p.message, where(sql, p.range).at])).toEqual([['statement-syntax', 'syntax error at end of input', '1:47-1:47']]);
  });

  it('says when a body is quoted in a way it does not read', () => {
    const sql = "DO U&'BEGIN DROP TABLE a; END';";
    const b = body(sql);
    expect(b.problems.map((p) => p.kind)).toEqual(['unsupported-quoting']);
    expect(b.statements).toEqual([]);
  });
});
