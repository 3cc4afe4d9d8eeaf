// What a platform provides before the first migration runs. Supabase projects reference the `auth`
// and `storage` schemas, `auth.uid()` in policies, `auth.users` in foreign keys, and the API roles in
// grants; none of it is in their migrations. These stubs create the common objects with the shapes
// Supabase gives them (columns a migration may reference, functions with their real signatures),
// and nothing behind them: enough for the history to apply, not a Supabase.
//
// Idempotent (IF NOT EXISTS, guarded roles), so it also runs on a server that has some of it.

export const SUPABASE_STUBS = String.raw`
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;
create schema if not exists realtime;
create schema if not exists graphql_public;
create schema if not exists vault;

do $ext$
begin
  -- Supabase installs these in "extensions"; migrations call extensions.uuid_generate_v4() and the like.
  begin
    create extension if not exists "uuid-ossp" with schema extensions;
  exception when others then null;
  end;
  begin
    create extension if not exists pgcrypto with schema extensions;
  exception when others then null;
  end;
end
$ext$;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  unique (provider_id, provider)
);

create table if not exists auth.sessions (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz
);

create or replace function auth.uid() returns uuid language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.sub', true),
                         (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')), '')::uuid
$$;

create or replace function auth.role() returns text language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.role', true),
                         (current_setting('request.jwt.claims', true)::jsonb ->> 'role')), '')::text
$$;

create or replace function auth.email() returns text language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.email', true),
                         (current_setting('request.jwt.claims', true)::jsonb ->> 'email')), '')::text
$$;

create or replace function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                  nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null unique,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[]
);

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb
);
alter table storage.objects enable row level security;
alter table storage.buckets enable row level security;

create or replace function storage.foldername(name text) returns text[] language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text language plpgsql immutable as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

-- Supabase Vault (the supabase_vault extension): the secrets table, its decrypting view, and the
-- functions migrations call. No encryption here: a stub.
create table if not exists vault.secrets (
  id uuid not null default gen_random_uuid() primary key,
  name text unique,
  description text not null default '',
  secret text not null,
  key_id uuid,
  nonce bytea,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create or replace view vault.decrypted_secrets as
  select s.id, s.name, s.description, s.secret, s.secret as decrypted_secret, s.key_id, s.nonce, s.created_at, s.updated_at
  from vault.secrets s;
create or replace function vault.create_secret(new_secret text, new_name text default null, new_description text default '', new_key_id uuid default null)
returns uuid language sql as $$
  insert into vault.secrets (secret, name, description, key_id) values (new_secret, new_name, new_description, new_key_id) returning id
$$;
create or replace function vault.update_secret(secret_id uuid, new_secret text default null, new_name text default null, new_description text default null, new_key_id uuid default null)
returns void language sql as $$
  update vault.secrets set secret = coalesce(new_secret, secret), name = coalesce(new_name, name),
    description = coalesce(new_description, description), key_id = coalesce(new_key_id, key_id), updated_at = now()
  where id = secret_id
$$;

-- Supabase Realtime: broadcast from the database (realtime.send) and its messages table.
create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid(),
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  primary key (id, inserted_at)
);
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void language sql as $$
  insert into realtime.messages (payload, event, topic, private, extension) values (payload, event, topic, private, 'broadcast')
$$;
create or replace function realtime.topic() returns text language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;

do $pub$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
exception when others then null;
end
$pub$;

grant usage on schema public, auth, storage, extensions, graphql_public to anon, authenticated, service_role;
grant all on all tables in schema auth, storage to service_role;
grant select on auth.users to authenticated;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- Supabase's roles search "extensions" too (gen_random_bytes(), uuid_generate_v4() unqualified).
-- verify starts every migration with the search_path a setup script leaves.
set search_path = "$user", public, extensions;
`;

/**
 * The roles a Supabase project has, and their memberships. Roles are cluster-wide, so they are made
 * apart from the SQL: on a server by the URL's role, only those missing, dropped after the run
 * (server-roles.ts createSetupRoles); on PGlite with the same statements.
 */
export const SUPABASE_ROLES: SetupRoles = {
  roles: ['anon', 'authenticated', 'service_role', 'authenticator', 'supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin', 'dashboard_user', 'supabase_realtime_admin'],
  options: { service_role: 'bypassrls', authenticator: 'login' },
  members: { authenticator: ['anon', 'authenticated', 'service_role'] },
};

export interface SetupRoles {
  roles: string[];
  /** Role options beyond NOLOGIN NOINHERIT. */
  options?: Record<string, string>;
  /** Member → the roles it is granted. */
  members?: Record<string, string[]>;
}

/** Extensions the Supabase stubs create (PGlite loads their bundles only when asked). */
export const SUPABASE_STUB_EXTENSIONS = ['uuid-ossp', 'pgcrypto'];

/** Built-in setups, by the name `--setup` and `settings.verify.setup` accept. */
export const BUILT_IN_SETUPS: Record<string, { sql: string; extensions: string[]; description: string; roles?: SetupRoles }> = {
  supabase: {
    sql: SUPABASE_STUBS,
    roles: SUPABASE_ROLES,
    extensions: SUPABASE_STUB_EXTENSIONS,
    description: 'Supabase platform stubs: auth, storage and vault schemas, auth.users, auth.uid()/role()/email()/jwt(), storage buckets and objects, vault secrets, roles anon, authenticated, service_role, extensions uuid-ossp and pgcrypto, search_path with extensions',
  },
};

/**
 * The bookkeeping table each runner creates before the first migration, with its default name and
 * columns: migrations sometimes grant on it, comment it or read it. Not in a dry run (the database
 * has the real one). A runner configured with another table name needs a setup script instead.
 */
export const RUNNER_TABLES: Readonly<Record<string, string>> = {
  'golang-migrate': 'create table if not exists schema_migrations (version bigint not null primary key, dirty boolean not null);',
  dbmate: 'create table if not exists schema_migrations (version varchar(128) primary key);',
  'directory-per-migration':
    'create table if not exists __diesel_schema_migrations (version varchar(50) primary key not null, run_on timestamp not null default current_timestamp);',
  goose: 'create table if not exists goose_db_version (id serial primary key, version_id bigint not null, is_applied boolean not null, tstamp timestamp default now());',
  flyway:
    'create table if not exists flyway_schema_history (installed_rank integer not null primary key, version varchar(50), description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null, checksum integer, installed_by varchar(100) not null, installed_on timestamp not null default now(), execution_time integer not null, success boolean not null);',
  prisma:
    'create table if not exists _prisma_migrations (id varchar(36) primary key not null, checksum varchar(64) not null, finished_at timestamptz, migration_name varchar(255) not null, logs text, rolled_back_at timestamptz, started_at timestamptz not null default now(), applied_steps_count integer not null default 0);',
  drizzle: 'create schema if not exists drizzle; create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);',
  supabase:
    'create schema if not exists supabase_migrations; create table if not exists supabase_migrations.schema_migrations (version text not null primary key, statements text[], name text);',
};
