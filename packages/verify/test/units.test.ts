// The pieces of verify that need no database: schema differences, what is never sent to a server,
// the cache's name.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadParser, type SourceFile, type Statement } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { diffSnapshots, formatDifference, PGLITE_VERSION, type CatalogSnapshot } from '../src/index.js';
import { dumpDiff } from '../src/dump-diff.js';
import { checkHostAllowed, parseDatabaseUrl, redact, redactText } from '../src/database-url.js';
import { routeRoleStatement } from '../src/server-roles.js';
import { serverSkipReason, skipReasonEverywhere } from '../src/statement-safety.js';

function snapshot(entries: Array<[kind: string, name: string, detail: string, parent?: string]>): CatalogSnapshot {
  return new Map(entries.map(([kind, name, detail, parent]) => [`${kind} ${name}`, { kind, name, detail, ...(parent ? { parent } : {}) }]));
}

async function statementsOf(sql: string): Promise<Statement[]> {
  await loadParser();
  let files: readonly SourceFile[] = [];
  await lint({
    files: [{ path: 'x.sql', content: sql }],
    config: { rules: {} },
    onModel: (_model, parsed) => {
      files = parsed;
    },
  });
  return [...files[0]!.statements];
}

describe('schema differences', () => {
  it('lists what is missing, left behind or changed; a whole table stands for its columns and indexes', () => {
    const before = snapshot([
      ['table', 'public.users', ''],
      ['column', 'public.users.id', 'bigint not null', 'public.users'],
      ['column', 'public.users.email', 'character varying(100)', 'public.users'],
      ['function', 'public.touch()', 'returns trigger language plpgsql volatile body#aaaa1111'],
    ]);
    const after = snapshot([
      ['table', 'public.users', ''],
      ['column', 'public.users.id', 'bigint not null', 'public.users'],
      ['column', 'public.users.email', 'text', 'public.users'],
      ['table', 'public.audit', ''],
      ['column', 'public.audit.id', 'integer', 'public.audit'],
      ['index', 'public.audit_pkey', 'CREATE UNIQUE INDEX audit_pkey ON public.audit USING btree (id)', 'public.audit'],
      ['function', 'public.touch()', 'returns trigger language plpgsql volatile body#bbbb2222'],
    ]);
    expect(diffSnapshots(before, after).map(formatDifference)).toEqual([
      '+ table public.audit: left behind by the down',
      '~ column public.users.email: character varying(100) → text',
      '~ function public.touch(): the body differs (returns trigger language plpgsql volatile)',
    ]);
  });
});

describe('the round trip as a schema-only dump shows it', () => {
  it('writes the objects the down did not restore as DDL, before (−) against after (+)', () => {
    const before = snapshot([
      ['table', 'public.users', ''],
      ['column', 'public.users.id', 'bigint not null', 'public.users'],
      ['constraint', 'public.users.users_pkey', 'PRIMARY KEY (id)', 'public.users'],
      ['function', 'public.touch()', 'returns trigger language plpgsql volatile body#aaaa1111'],
    ]);
    const after = snapshot([
      ['table', 'public.users', ''],
      ['column', 'public.users.id', 'bigint not null', 'public.users'],
      ['column', 'public.users.nickname', 'text', 'public.users'],
      ['constraint', 'public.users.users_pkey', 'PRIMARY KEY (id)', 'public.users'],
      ['index', 'public.users_nick', 'CREATE INDEX users_nick ON public.users USING btree (nickname)', 'public.users'],
    ]);
    expect(dumpDiff(before, after, diffSnapshots(before, after)).split('\n')).toEqual([
      ' CREATE TABLE public.users (',
      '-    id bigint not null',
      '+    id bigint not null,',
      '+    nickname text',
      ' );',
      ' ALTER TABLE ONLY public.users',
      '     ADD CONSTRAINT users_pkey PRIMARY KEY (id);',
      // A removed line (the function's catalog line, a comment) comes before the added ones of the hunk.
      '--- function public.touch(): returns trigger language plpgsql volatile body#aaaa1111',
      '+CREATE INDEX users_nick ON public.users USING btree (nickname);',
    ]);
  });
});

describe('statements a server never gets', () => {
  it('skips what reaches beyond the run\'s own database, and roles that existed before the run', async () => {
    const statements = await statementsOf(
      [
        'ALTER SYSTEM SET work_mem = \'1GB\'',
        'DROP DATABASE production',
        'ALTER DATABASE production SET search_path = app',
        "COPY users FROM '/etc/passwd'",
        'ALTER ROLE postgres SET statement_timeout = 0',
        'ALTER ROLE app_reader SET statement_timeout = 0',
        'GRANT CONNECT ON DATABASE production TO app_reader',
        'CREATE TABLE fine (id int)',
        'COMMIT',
        '',
      ].join(';\n'),
    );
    const reasons = statements.map((s) => skipReasonEverywhere(s) ?? serverSkipReason(s, { createdRoles: new Set(['app_reader']) }) ?? 'sent');
    expect(reasons).toEqual([
      "ALTER SYSTEM changes the server's configuration",
      'it acts on another database of the server',
      'it acts on another database of the server',
      'COPY with a server-side file or program',
      'it alters a role that existed before the run (roles are shared by the whole server)',
      'sent',
      'it grants on a database or tablespace of the server',
      'sent',
      'sent',
    ]);
  });

  it('runs role statements for the migration only on roles this run created, and never hands out privileges', async () => {
    const statements = await statementsOf(
      [
        'CREATE ROLE reader',
        'CREATE ROLE boss SUPERUSER',
        'CREATE ROLE maker CREATEROLE',
        'CREATE ROLE writer IN ROLE pg_write_server_files',
        'CREATE ROLE existing',
        'ALTER ROLE postgres CONNECTION LIMIT 7',
        'ALTER ROLE reader SUPERUSER',
        'ALTER ROLE reader BYPASSRLS',
        'GRANT reader TO run_role',
        'GRANT reader TO CURRENT_USER',
        'GRANT pg_write_server_files TO reader',
        'DROP ROLE reader, postgres',
        'DROP ROLE reader',
        'CREATE TABLE t (id int)',
        '',
      ].join(';\n'),
    );
    const created = new Set<string>();
    const session = {
      runRole: 'run_role',
      createdRoles: created,
      roleExists: async (name: string) => name === 'existing' || name === 'postgres' || created.has(name),
      extensionTrusted: async () => true,
      exec: async () => {},
      adoptRole: async (name: string) => void created.add(name),
    };
    const routes = [];
    for (const s of statements) {
      const route = await routeRoleStatement(s, session);
      routes.push(route === undefined ? 'as the migration' : 'skip' in route ? `skip: ${route.skip}` : route.after ? 'admin, adopted' : 'admin');
      if (route && 'via' in route) await route.after?.();
    }
    expect(routes).toEqual([
      'admin, adopted',
      'skip: CREATE ROLE boss asks for SUPERUSER: verify gives no migration more than the scratch database',
      'skip: CREATE ROLE maker asks for CREATEROLE: verify gives no migration more than the scratch database',
      'skip: CREATE ROLE writer makes it a member of a role this run did not create',
      'admin',
      'skip: it alters a role this run did not create (roles are shared by the whole server)',
      'skip: ALTER ROLE reader asks for SUPERUSER: verify gives no migration more than the scratch database',
      'admin',
      'admin',
      'skip: it changes the memberships of a role this run did not create',
      'skip: it grants or revokes membership in a role this run did not create',
      'skip: it drops a role this run did not create',
      'admin',
      'as the migration',
    ]);
  });
});

describe('the --database-url', () => {
  it('is printed without its passwords, in the user-info and the query string', () => {
    expect(redact('postgres://app:s3cret@db.internal:5432/prod?sslmode=require&password=other&sslpassword=k')).toBe(
      'postgres://app:***@db.internal:5432/prod?sslmode=require&password=***&sslpassword=***',
    );
    expect(redact('not a url:s3cret@host?password=x')).toBe('not a url:***@host?password=***');
    expect(redactText('failed for postgres://app:s3cret@h/db: s3cret', 'postgres://app:s3cret@h/db')).toBe('failed for postgres://app:***@h/db: ***');
  });

  it('names this machine only through loopback or a Unix socket; any other host needs --allow-remote', () => {
    const local = ['postgres://u@localhost/db', 'postgres://u@127.0.0.1/db', 'postgres://u@[::1]:5432/db', 'postgres:///db?host=/var/run/postgresql', 'postgres://%2Fvar%2Frun%2Fpostgresql/db'];
    for (const u of local) expect(() => checkHostAllowed(parseDatabaseUrl(u), false), u).not.toThrow();
    for (const u of ['postgres://u@db.example.com/db', 'postgres://u@10.0.0.5/db', 'postgres://u@localhost/db?host=prod.example.com']) {
      expect(() => checkHostAllowed(parseDatabaseUrl(u), false), u).toThrow(/not this machine.*--allow-remote/);
      expect(() => checkHostAllowed(parseDatabaseUrl(u), true), u).not.toThrow();
    }
  });
});

describe('the PGlite cache', () => {
  it('is named after the PGlite release installed', () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@electric-sql/pglite');
    const manifest = JSON.parse(fs.readFileSync(entry.replace(/dist\/index\.c?js$/, 'package.json'), 'utf8'));
    expect(PGLITE_VERSION).toBe(manifest.version);
  });
});
