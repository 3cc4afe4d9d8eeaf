// Where each embedded statement sits (IF branches, loops, exception blocks), catalog guards, and
// whether the body runs now (DO) or later (function and procedure bodies). Shapes from real migrations.
import { describe, expect, it } from 'vitest';
import type { BodyEnclosure } from '../../src/plpgsql/index.js';
import { body, bodies, where } from './helpers.js';

function describeEnclosure(e: BodyEnclosure): string {
  switch (e.kind) {
    case 'if':
      return `if:${e.branch}${e.condition ? `(${e.condition.text})` : ''}${e.guard ? `[${e.guard.runsWhen}:${e.guard.catalogs.join(',')}]` : ''}`;
    case 'case':
      return `case:${e.branch}`;
    case 'loop':
      return `loop:${e.loop}`;
    case 'protected':
      return `protected:${e.catches.join(',')}`;
    case 'handler':
      return `handler:${e.conditions.join(',')}`;
  }
}

function shape(sql: string): string[] {
  return body(sql).statements.map((s) => `${s.kind} ${s.enclosures.map(describeEnclosure).join(' > ')}`.trim());
}

describe('PL/pgSQL statement classification', () => {
  it('marks the create-type-if-missing idiom as guarded by pg_type (runs when absent)', () => {
    const sql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'member_role') THEN
        CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member');
    END IF;
END $$;`;
    const [create] = body(sql).statements;
    expect(create!.kind).toBe('CreateEnumStmt');
    expect(create!.guard).toEqual({ catalogs: ['pg_type'], runsWhen: 'absent' });
    const branch = create!.enclosures[0]!;
    expect(branch.kind === 'if' && where(sql, branch.condition!.range!).text).toBe("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'member_role')");
    expect(create!.runs).toBe('now');
  });

  it('reads IF / ELSIF / ELSE branches, guards through information_schema, to_regclass and count(*)', () => {
    const sql = `DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'mail') THEN
    ALTER TABLE users RENAME COLUMN mail TO email;
  ELSIF to_regclass('public.legacy_users') IS NOT NULL THEN
    DROP TABLE legacy_users;
  ELSE
    RAISE NOTICE 'nothing to do';
  END IF;
  IF (SELECT count(*) FROM pg_constraint WHERE conname = 'users_email_key') = 0 THEN
    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
  ELSE
    ALTER TABLE users DROP CONSTRAINT users_email_key;
  END IF;
  IF current_setting('app.env') = 'dev' THEN
    TRUNCATE users;
  END IF;
END $$;`;
    expect(shape(sql)).toEqual([
      "RenameStmt if:then(EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'mail'))[present:information_schema.columns]",
      "DropStmt if:elsif(to_regclass('public.legacy_users') IS NOT NULL)[present:to_regclass]",
      "AlterTableStmt if:then((SELECT count(*) FROM pg_constraint WHERE conname = 'users_email_key') = 0)[absent:pg_constraint]",
      'AlterTableStmt if:else[present:pg_constraint]',
      "TruncateStmt if:then(current_setting('app.env') = 'dev')",
    ]);
    expect(body(sql).statements[4]!.guard).toBeUndefined();
  });

  it('reads loops, CASE and exception blocks (the duplicate_object idiom)', () => {
    const sql = `DO $$
DECLARE r record; i int := 0;
BEGIN
  BEGIN
    CREATE TYPE status AS ENUM ('on', 'off');
  EXCEPTION WHEN duplicate_object THEN
    NULL;
  WHEN others THEN
    INSERT INTO migration_log VALUES ('failed');
  END;
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r.tablename);
  END LOOP;
  WHILE i < 3 LOOP
    i := i + 1;
    UPDATE counters SET n = n + 1;
  END LOOP;
  CASE WHEN i > 2 THEN DELETE FROM counters; ELSE VACUUM; END CASE;
END $$;`;
    expect(shape(sql)).toEqual([
      'CreateEnumStmt protected:duplicate_object,others',
      'InsertStmt handler:others',
      'SelectStmt',
      'AlterTableStmt loop:for',
      'UpdateStmt loop:while',
      'DeleteStmt case:when',
      'VacuumStmt case:else',
    ]);
    const b = body(sql);
    expect(b.statements[2]!.via).toBe('for-query');
    // The loop's EXECUTE quotes the row's field in with %I: its shape is read, the name is a placeholder.
    expect([b.statements[3]!.via, b.statements[3]!.text, b.statements[3]!.placeholders]).toEqual(['execute', 'ALTER TABLE "{r.tablename}" ENABLE ROW LEVEL SECURITY', ['r.tablename']]);
    expect(b.dynamic).toEqual([]);
  });

  it('says a function or procedure body runs later, and a DO body now', () => {
    const sql = `CREATE OR REPLACE FUNCTION public.handle_new_user() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  INSERT INTO public.profiles (id, email) VALUES (new.id, new.email);
  RETURN new;
END;
$$;
CREATE PROCEDURE archive(days int) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM events WHERE created_at < now() - make_interval(days => days);
  COMMIT;
END $$;
DO $$ BEGIN CALL archive(30); END $$;`;
    const [fn, proc, run] = bodies(sql);
    expect([fn!.kind, fn!.name, fn!.runs, fn!.statements.map((s) => s.kind)]).toEqual(['function', 'public.handle_new_user', 'later', ['InsertStmt']]);
    expect([proc!.kind, proc!.runs, proc!.statements.map((s) => `${s.kind}:${s.runs}`)]).toEqual(['procedure', 'later', ['DeleteStmt:later']]);
    expect([run!.kind, run!.runs, run!.statements.map((s) => `${s.kind}:${s.via}`)]).toEqual(['do', 'now', ['CallStmt:call']]);
  });

  it('leaves SQL-language functions and other languages alone', () => {
    const sql = `CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;
CREATE FUNCTION f() RETURNS int LANGUAGE plv8 AS $$ return 1 $$;
DO LANGUAGE plpython3u $$ plpy.notice('x') $$;
CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;`;
    expect(bodies(sql)).toEqual([]);
  });
});
