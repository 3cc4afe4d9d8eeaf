// The schema as pg_catalog holds it, flattened to one line per object, so "does the down restore
// what the up changed" is a set comparison and its answer reads like a schema-only dump diff.
// Objects are keyed by kind and name, never by OID (a recreated table has a new OID and is the same
// table); extension members are left out (the extension's own line stands for them); column order
// is not compared (a column a down adds back lands at the end, which no query notices).

import type { Database } from './database.js';

export interface CatalogEntry {
  /** `table`, `column`, `index`, `constraint`, `trigger`, `policy`, `rls`, `function`, `type`, … */
  kind: string;
  /** Schema-qualified: `public.users`, `public.users.email`, `public.touch(integer)`. */
  name: string;
  /** What is compared: type, nullability and default of a column, an index's definition, … */
  detail: string;
  /** The table a column, constraint, index, trigger, policy or privilege belongs to. */
  parent?: string;
}

export type CatalogSnapshot = Map<string, CatalogEntry>;

export interface SchemaDifference {
  /** `missing`: there before the up, gone after up + down. `extra`: left behind. `changed`: differs. */
  change: 'missing' | 'extra' | 'changed';
  kind: string;
  name: string;
  /** Before the up. */
  before?: string;
  /** After the up and the down. */
  after?: string;
}

// One round trip. Names are quoted only as far as needed to read them back (`format('%I')` would
// quote mixed case, which is what a dump shows too).
const SNAPSHOT_SQL = String.raw`
with nsp as (
  select oid, nspname from pg_namespace
  where nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
    and nspname not like 'pg\_temp\_%' and nspname not like 'pg\_toast\_temp\_%'
),
ext as (select classid, objid from pg_depend where deptype = 'e'),
rel as (
  select c.oid, c.relkind, c.relname, n.nspname, n.nspname || '.' || c.relname as qname,
         -- A NULL ACL means the owner's default one: spelled out, so GRANT then REVOKE compares equal.
         coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's'::"char" else 'r'::"char" end, c.relowner)) as relacl,
         c.relrowsecurity, c.relforcerowsecurity, c.relpersistence, c.relispartition, c.relpartbound
  from pg_class c join nsp n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    and not exists (select 1 from ext where ext.classid = 'pg_class'::regclass and ext.objid = c.oid)
)
select 'schema' as kind, n.nspname as name,
       'privileges ' || array_to_string(array(select x::text from unnest(coalesce(ns.nspacl, acldefault('n', ns.nspowner))) x order by 1), ',') as detail,
       null::text as parent
  from nsp n join pg_namespace ns on ns.oid = n.oid
  where not exists (select 1 from ext where ext.classid = 'pg_namespace'::regclass and ext.objid = n.oid)
union all
select case r.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'materialized view'
                      when 'S' then 'sequence' else 'foreign table' end,
       r.qname,
       concat_ws('; ',
         case when r.relkind = 'p' then 'partitioned by ' || pg_get_partkeydef(r.oid) end,
         case when r.relispartition then 'partition ' || pg_get_expr(r.relpartbound, r.oid) end,
         case when r.relpersistence = 'u' then 'unlogged' end,
         case when r.relkind in ('v', 'm') then regexp_replace(btrim(pg_get_viewdef(r.oid)), '\s+', ' ', 'g') end,
         case when r.relkind = 'S' then (
           select concat_ws(' ', format_type(s.seqtypid, null), 'start ' || s.seqstart, 'increment ' || s.seqincrement,
                            'min ' || s.seqmin, 'max ' || s.seqmax, case when s.seqcycle then 'cycle' end)
           from pg_sequence s where s.seqrelid = r.oid) end,
         case when r.relkind = 'S' then (
           select 'owned by ' || tn.nspname || '.' || tc.relname || '.' || a.attname
           from pg_depend d join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace
                join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
           where d.classid = 'pg_class'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass
             and d.deptype in ('a', 'i') limit 1) end),
       null
  from rel r
union all
select 'rls', r.qname, case when r.relforcerowsecurity then 'enabled, forced' else 'enabled' end, r.qname
  from rel r where r.relrowsecurity or r.relforcerowsecurity
union all
select 'privileges', r.qname, array_to_string(array(select x::text from unnest(r.relacl) x order by 1), ','), r.qname
  from rel r
union all
select 'column', r.qname || '.' || a.attname,
       concat_ws(' ', format_type(a.atttypid, a.atttypmod),
         case when a.attcollation <> 0 and a.attcollation <> t.typcollation then 'collate ' || coll.collname end,
         case when a.attnotnull then 'not null' end,
         case a.attidentity when 'a' then 'generated always as identity' when 'd' then 'generated by default as identity' end,
         case when a.attgenerated <> '' then 'generated always as (' || pg_get_expr(ad.adbin, ad.adrelid) || ')'
              when ad.adbin is not null then 'default ' || pg_get_expr(ad.adbin, ad.adrelid) end,
         case when cardinality(a.attacl) > 0 then 'privileges ' || array_to_string(array(select x::text from unnest(a.attacl) x order by 1), ',') end),
       r.qname
  from rel r join pg_attribute a on a.attrelid = r.oid
       join pg_type t on t.oid = a.atttypid
       left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
       left join pg_collation coll on coll.oid = a.attcollation
  where r.relkind in ('r', 'p', 'f') and a.attnum > 0 and not a.attisdropped
union all
select 'index', n.nspname || '.' || ic.relname, pg_get_indexdef(i.indexrelid), tn.nspname || '.' || tc.relname
  from pg_index i join pg_class ic on ic.oid = i.indexrelid join nsp n on n.oid = ic.relnamespace
       join pg_class tc on tc.oid = i.indrelid join pg_namespace tn on tn.oid = tc.relnamespace
  where not exists (select 1 from ext where ext.classid = 'pg_class'::regclass and ext.objid = i.indrelid)
union all
select 'constraint', r.qname || '.' || co.conname, pg_get_constraintdef(co.oid), r.qname
  from pg_constraint co join rel r on r.oid = co.conrelid
  where co.contype <> 'n'
union all
select 'trigger', r.qname || '.' || tg.tgname,
       pg_get_triggerdef(tg.oid) || case tg.tgenabled when 'D' then ' (disabled)' when 'R' then ' (replica)' when 'A' then ' (always)' else '' end,
       r.qname
  from pg_trigger tg join rel r on r.oid = tg.tgrelid
  where not tg.tgisinternal
union all
select 'policy', p.schemaname || '.' || p.tablename || '.' || p.policyname,
       concat_ws(' ', lower(p.permissive), 'for', lower(p.cmd), 'to', array_to_string(p.roles, ','),
                 'using (' || p.qual || ')', 'with check (' || p.with_check || ')'),
       p.schemaname || '.' || p.tablename
  from pg_policies p join nsp n on n.nspname = p.schemaname
union all
select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window function' else 'function' end,
       n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       concat_ws(' ', 'returns ' || pg_get_function_result(p.oid), 'language ' || l.lanname,
         case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
         case when p.prosecdef then 'security definer' end,
         case when p.proconfig is not null then 'set ' || array_to_string(p.proconfig, ', ') end,
         case when p.prokind <> 'a' then 'body#' || left(md5(pg_get_functiondef(p.oid)), 8) end,
         'privileges ' || array_to_string(array(select x::text from unnest(coalesce(p.proacl, acldefault('f', p.proowner))) x order by 1), ',')),
       null
  from pg_proc p join nsp n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
  where not exists (select 1 from ext where ext.classid = 'pg_proc'::regclass and ext.objid = p.oid)
union all
select 'type', n.nspname || '.' || t.typname,
       concat_ws(' ',
         case t.typtype
           when 'e' then 'enum (' || (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) || ')'
           when 'd' then 'domain ' || format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end
                         || coalesce(' default ' || t.typdefault, '')
                         || coalesce((select ' ' || string_agg(co.conname || ' ' || pg_get_constraintdef(co.oid), ' ' order by co.conname)
                                      from pg_constraint co where co.contypid = t.oid), '')
           when 'c' then 'composite (' || (select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
                                           from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) || ')'
           when 'r' then 'range of ' || (select format_type(rg.rngsubtype, null) from pg_range rg where rg.rngtypid = t.oid)
         end,
         'privileges ' || array_to_string(array(select x::text from unnest(coalesce(t.typacl, acldefault('T', t.typowner))) x order by 1), ',')),
       null
  from pg_type t join nsp n on n.oid = t.typnamespace
  where (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
    and not exists (select 1 from ext where ext.classid = 'pg_type'::regclass and ext.objid = t.oid)
union all
select 'extension', e.extname, 'schema ' || n.nspname || ' version ' || e.extversion, null
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
  where e.extname <> 'plpgsql'
union all
select 'default privileges',
       'for ' || pg_get_userbyid(d.defaclrole) || coalesce(' in ' || n.nspname, '') || ' on '
         || case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions' when 'T' then 'types' when 'n' then 'schemas' else d.defaclobjtype::text end,
       array_to_string(array(select x::text from unnest(d.defaclacl) x order by 1), ','),
       null
  from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace
union all
select 'role', r.rolname,
       concat_ws(' ', case when r.rolsuper then 'superuser' end, case when r.rolcanlogin then 'login' end,
                 case when r.rolbypassrls then 'bypassrls' end, case when r.rolinherit then 'inherit' else 'noinherit' end,
                 case when r.rolcreaterole then 'createrole' end, case when r.rolcreatedb then 'createdb' end),
       null
  from pg_roles r where r.rolname !~ '^pg_'
`;

export async function takeSnapshot(db: Database): Promise<CatalogSnapshot> {
  const rows = await db.query<{ kind: string; name: string; detail: string | null; parent: string | null }>(SNAPSHOT_SQL);
  const snapshot: CatalogSnapshot = new Map();
  // Roles are cluster-wide: on a server other sessions' roles (and verify's own) come and go during
  // the run, so only the roles the migrations created in this run are theirs to compare.
  const ownRoles = db.kind === 'server' ? (db.privileged?.createdRoles ?? new Set<string>()) : undefined;
  for (const row of rows) {
    if (row.kind === 'role' && ownRoles && !ownRoles.has(row.name)) continue;
    const entry: CatalogEntry = { kind: row.kind, name: row.name, detail: row.detail ?? '' };
    if (row.parent) entry.parent = row.parent;
    snapshot.set(`${row.kind} ${row.name}`, entry);
  }
  return snapshot;
}

/**
 * What differs between the schema before an up and after up + down. A table that is missing or left
 * behind stands for its columns, constraints, indexes and the like: they are not listed again.
 */
export function diffSnapshots(before: CatalogSnapshot, after: CatalogSnapshot): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  for (const [key, entry] of before) {
    const now = after.get(key);
    if (!now) out.push({ change: 'missing', kind: entry.kind, name: entry.name, before: entry.detail });
    else if (now.detail !== entry.detail) out.push({ change: 'changed', kind: entry.kind, name: entry.name, before: entry.detail, after: now.detail });
  }
  for (const [key, entry] of after) {
    if (!before.has(key)) out.push({ change: 'extra', kind: entry.kind, name: entry.name, after: entry.detail });
  }
  const wholeTables = new Map<string, SchemaDifference['change']>();
  for (const d of out) if ((d.change === 'missing' || d.change === 'extra') && isRelationKind(d.kind)) wholeTables.set(d.name, d.change);
  const parentOf = (d: SchemaDifference) => (d.change === 'missing' ? before : after).get(`${d.kind} ${d.name}`)?.parent;
  return out
    .filter((d) => {
      const parent = parentOf(d);
      return !(parent && wholeTables.get(parent) === d.change);
    })
    .sort((a, b) => KIND_ORDER(a.kind) - KIND_ORDER(b.kind) || a.name.localeCompare(b.name) || a.change.localeCompare(b.change));
}

function isRelationKind(kind: string): boolean {
  return kind === 'table' || kind === 'view' || kind === 'materialized view' || kind === 'foreign table' || kind === 'sequence';
}

const ORDER = ['schema', 'extension', 'type', 'sequence', 'table', 'foreign table', 'column', 'constraint', 'index', 'rls', 'policy', 'trigger', 'view', 'materialized view', 'function', 'procedure', 'aggregate', 'window function', 'privileges', 'default privileges', 'role'];
const KIND_ORDER = (kind: string) => {
  const i = ORDER.indexOf(kind);
  return i === -1 ? ORDER.length : i;
};

/** `- column public.users.nickname (text): gone after the down`, one line per difference. */
export function formatDifference(d: SchemaDifference): string {
  const what = `${d.kind} ${d.name}`;
  switch (d.change) {
    case 'missing':
      return `- ${what}${d.before ? ` (${clip(d.before)})` : ''}: there before the up, gone after the down`;
    case 'extra':
      return `+ ${what}${d.after ? ` (${clip(d.after)})` : ''}: left behind by the down`;
    default: {
      // A function's body is compared by hash: say so in words when only the body differs.
      const body = /\s?body#[0-9a-f]+/;
      if (d.before && d.after && body.test(d.before) && d.before.replace(body, '') === d.after.replace(body, '')) {
        return `~ ${what}: the body differs (${clip(d.after.replace(body, ''))})`;
      }
      return `~ ${what}: ${clip(d.before ?? '')} → ${clip(d.after ?? '')}`;
    }
  }
}

/** `column public.users.nickname missing, index public.x left behind and 2 more`. */
export function summarizeDifferences(diffs: readonly SchemaDifference[], max = 3): string {
  const word = { missing: 'missing', extra: 'left behind', changed: 'changed' } as const;
  const shown = diffs.slice(0, max).map((d) => `${d.kind} ${d.name} ${word[d.change]}`);
  const more = diffs.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
