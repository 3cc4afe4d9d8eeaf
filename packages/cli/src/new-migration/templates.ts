// The SQL of a new migration, by template: each one the safe way to make that change (docs/rules
// say why), with its down. Every template lints clean under the presets in each layout
// (packages/cli/test/new-migration.test.ts runs them through the linter).

export const TEMPLATES = ['blank', 'table', 'index', 'foreign-key', 'not-null'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export interface TemplateNames {
  /** Table the migration changes or creates (schema-qualified when the project is Supabase). */
  table: string;
  /** Column for `index`, `foreign-key`, `not-null`. */
  column: string;
  /** Referenced table for `foreign-key`. */
  references: string;
}

export interface TemplateSql {
  up: string;
  down: string;
  /** The up must run outside a transaction (CREATE INDEX CONCURRENTLY). */
  noTransaction: boolean;
  /**
   * A second migration that must run in its own transaction after this one: VALIDATE scans the
   * table, and inside the transaction that added the constraint it would do so under the ADD's
   * lock (locking/validate-in-same-transaction).
   */
  then?: { suffix: string; up: string; down: string };
}

/**
 * The header every new migration starts with (`history/require-intent` reads it): a reviewer reads
 * why the migration exists before what it does. From `--why`, else from the description, which the
 * author edits into the reason (the feature, ticket or incident) when it only says what.
 */
export function whyHeader(why: string): string {
  const text = why.replace(/\s+/g, ' ').trim();
  return `-- Why: ${text}`;
}

export function templateSql(template: TemplateName, names: TemplateNames, options: { supabase: boolean }): TemplateSql {
  const { table, column, references } = names;
  const base = unqualified(table);
  switch (template) {
    case 'blank':
      return { up: '', down: '', noTransaction: false };
    case 'table':
      return { up: options.supabase ? supabaseTable(table) : plainTable(table), down: `drop table ${table};\n`, noTransaction: false };
    case 'index': {
      const index = `${base}_${column}_idx`;
      return {
        // CONCURRENTLY: writes go on while the index builds. IF NOT EXISTS: a failed concurrent
        // build leaves an invalid index behind, and the retry must not fail on its name.
        up: `create index concurrently if not exists ${index} on ${table} (${column});\n`,
        down: `drop index concurrently if exists ${schemaOf(table)}${index};\n`,
        noTransaction: true,
      };
    }
    case 'foreign-key': {
      const constraint = `${base}_${column}_fkey`;
      return {
        // NOT VALID takes a short lock and checks only new rows; VALIDATE, in the next migration,
        // scans the table without blocking writes.
        up: `alter table ${table}\n  add constraint ${constraint} foreign key (${column}) references ${references} (id) not valid;\n`,
        down: `alter table ${table} drop constraint ${constraint};\n`,
        noTransaction: false,
        then: {
          suffix: 'validate',
          up: `alter table ${table} validate constraint ${constraint};\n`,
          down: `-- migralint-irreversible: a validated constraint cannot be made NOT VALID again; the previous migration's down drops it\n`,
        },
      };
    }
    case 'not-null': {
      const check = `${base}_${column}_not_null`;
      return {
        // SET NOT NULL alone scans the table under an ACCESS EXCLUSIVE lock; with a validated
        // CHECK (… IS NOT NULL) in place, PostgreSQL (12+) skips that scan. The check is added
        // NOT VALID here and validated in the next migration, in its own transaction.
        up: `alter table ${table}\n  add constraint ${check} check (${column} is not null) not valid;\n`,
        down: `alter table ${table} drop constraint ${check};\n`,
        noTransaction: false,
        then: {
          suffix: 'validate',
          up:
            `alter table ${table} validate constraint ${check};\n` +
            `alter table ${table} alter column ${column} set not null;\n` +
            `alter table ${table} drop constraint ${check};\n`,
          down: `alter table ${table} alter column ${column} drop not null;\n` + `alter table ${table}\n  add constraint ${check} check (${column} is not null) not valid;\n`,
        },
      };
    }
  }
}

function plainTable(table: string): string {
  return `create table ${table} (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
`;
}

/** Supabase: the table is exposed through the Data API, so RLS is on, with owner and admin policies. */
function supabaseTable(table: string): string {
  const base = unqualified(table);
  return `create table ${table} (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ${base}_user_id_idx on ${table} (user_id);

alter table ${table} enable row level security;

-- Each user reads and writes their own rows. (select auth.uid()) is evaluated once per query.
create policy "${base}: owners select" on ${table} for select to authenticated
  using ((select auth.uid()) = user_id);
create policy "${base}: owners insert" on ${table} for insert to authenticated
  with check ((select auth.uid()) = user_id);
create policy "${base}: owners update" on ${table} for update to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "${base}: owners delete" on ${table} for delete to authenticated
  using ((select auth.uid()) = user_id);

-- Admins (a custom claim set by your auth hook) manage every row.
create policy "${base}: admins manage" on ${table} for all to authenticated
  using (((select auth.jwt()) ->> 'user_role') = 'admin')
  with check (((select auth.jwt()) ->> 'user_role') = 'admin');
`;
}

function unqualified(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function schemaOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(0, dot + 1);
}
