// The pieces of verify that need no database: schema differences, what is never sent to a server,
// the cache's name.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadParser, type SourceFile, type Statement } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { diffSnapshots, formatDifference, PGLITE_VERSION, type CatalogSnapshot } from '../src/index.js';
import { serverSkipReason } from '../src/statement-safety.js';

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
    const reasons = statements.map((s) => serverSkipReason(s, { dryRun: true, createdRoles: new Set(['app_reader']) }) ?? 'sent');
    expect(reasons).toEqual([
      "ALTER SYSTEM changes the server's configuration",
      'it acts on another database of the server',
      'it acts on another database of the server',
      'COPY with a server-side file or program',
      'it alters a role that existed before the run (roles are shared by the whole server)',
      'sent',
      'it grants on a database or tablespace of the server',
      'sent',
      "transaction control would end the dry run's transaction",
    ]);
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
