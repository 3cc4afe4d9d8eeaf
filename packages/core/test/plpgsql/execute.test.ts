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

  it('returns an EXECUTE whose text comes from a variable or function as dynamic, with its range and why', () => {
    const sql = `CREATE FUNCTION run(stmt text, name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  EXECUTE stmt USING 1;
  EXECUTE format('DROP TABLE %-10s', 'a');
  FOR r IN EXECUTE 'SELECT * FROM ' || name LOOP NULL; END LOOP;
  EXECUTE format('TRUNCATE %s', name);
  EXECUTE 'DROP TABLE ' || lower(name);
  EXECUTE format('CREATE INDEX idx_%I_x ON t (a)', name);
END $$;`;
    const b = body(sql);
    expect(b.statements).toEqual([]);
    expect(b.dynamic.map((d) => [where(sql, d.range).at, d.expression, d.reason, d.runs])).toEqual([
      ['4:11-4:15', 'stmt', 'the variable stmt', 'later'],
      ['5:11-5:42', "format('DROP TABLE %-10s', 'a')", 'a format() specifier %-10s that is not read', 'later'],
      ['6:20-6:44', "'SELECT * FROM ' || name", 'the variable name', 'later'],
      ['7:11-7:38', "format('TRUNCATE %s', name)", 'the variable name (spliced in by %s)', 'later'],
      ['8:11-8:39', "'DROP TABLE ' || lower(name)", 'the call to lower()', 'later'],
      ['9:11-9:57', "format('CREATE INDEX idx_%I_x ON t (a)', name)", 'the variable name (quoted into the middle of a name by %I)', 'later'],
    ]);
  });

  it('reads the shape of an EXECUTE that quotes variables in, with placeholders for the names', () => {
    const sql = `DO $$
DECLARE s record;
BEGIN
  FOR s IN SELECT schema_name FROM tenants LOOP
    EXECUTE format('ALTER TABLE %I.enrollments DROP COLUMN IF EXISTS refund_amount', s.schema_name);
    EXECUTE 'DELETE FROM ' || quote_ident(s.schema_name) || '.log WHERE note = ' || quote_literal(s.note);
  END LOOP;
END $$;`;
    const b = body(sql);
    expect(b.dynamic).toEqual([]);
    const [, alter, del] = b.statements;
    expect([alter!.kind, alter!.text, alter!.placeholders, alter!.precision]).toEqual([
      'AlterTableStmt',
      'ALTER TABLE "{s.schema_name}".enrollments DROP COLUMN IF EXISTS refund_amount',
      ['s.schema_name'],
      'approximate',
    ]);
    // The placeholder points at the argument; the template text maps exactly.
    expect(where(sql, alter!.rangeAt(alter!.node.relation.location)).text).toBe("s.schema_name");
    expect(where(sql, alter!.rangeAt(alter!.text.indexOf('DROP'))).text).toBe('DROP');
    expect([del!.kind, del!.text, del!.placeholders]).toEqual(['DeleteStmt', `DELETE FROM "{s.schema_name}".log WHERE note = '{s.note}'`, ['s.schema_name', 's.note']]);
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
