// diffSnapshots: the differences between two catalogs, each one named — `column "orders.coupon"`
// added, `index "users_email_idx"` removed, `column "orders.total"`: `type numeric (was int4)`.
// It knows nothing of migrations or rules: rollback/down-does-not-reverse compares the catalog
// before an up with the one after up + down, and `migralint verify` can compare the model with a
// real database the same way.
//
// What is compared: schemas, extensions, types (kind, enum labels in order), tables (kind, RLS
// enabled and forced), their columns (type, NOT NULL, default, identity, generated), constraints
// (kind, columns, references, NOT VALID, check expression) and policies (command, roles,
// permissive, USING, WITH CHECK), sequences (owner; only when both snapshots list them), indexes
// (table, columns, unique, partial, expression), views (materialized, security_invoker, what they
// read) and functions (by signature: SECURITY DEFINER, search_path, language). Column order,
// function bodies, grants, comments and triggers are not in the model, so not compared.
//
// Two snapshots alone cannot tell a rename from a drop and an add of the same shape, so renames are
// recognised only where the caller knows one happened (`options.renames`, e.g. from the RENAME
// statements it replayed): then a table, column or index missing on one side and present under the
// new name on the other is one `renamed` difference (plus `changed` if it differs otherwise), and
// what follows the rename (constraint and index columns, foreign keys, an index's table) is compared
// through it. Expression
// texts (defaults, checks, policies) are compared as Postgres reads them: parsed and deparsed.

import type { ColumnInfo, ConstraintInfo, FunctionInfo, IndexInfo, PolicyInfo, QualifiedName, SchemaSnapshot, TableInfo, TypeInfo, ViewInfo } from '@migralint/core';
import type { SequenceInfo } from './catalog.js';
import { keyOf } from './names.js';
import { canonicalExpression } from './compare-expressions.js';
import { Snapshot } from './snapshot.js';

export type SchemaObjectKind = 'schema' | 'extension' | 'type' | 'table' | 'column' | 'constraint' | 'policy' | 'sequence' | 'index' | 'view' | 'function';

/** One object of a catalog. */
export interface SchemaObjectRef {
  kind: SchemaObjectKind;
  /** The object's qualified name; for a column, constraint or policy, its table's; for a schema or extension, `{ schema: name, name }`. */
  name: QualifiedName;
  /** A column, constraint or policy: its name within the table. */
  member?: string;
  /** A function: its argument types (each overload is an object of its own). */
  args?: readonly string[];
}

export interface PropertyChange {
  /** `type`, `nullability`, `default`, `columns`, `USING`, `row level security`, … */
  property: string;
  /** As the value reads in each snapshot (`none` when unset). */
  before: string;
  after: string;
}

/** A rename the caller knows of, by bare names (`users` → `members`, column `mail` → `email`). */
export interface RenameHint {
  kind: 'table' | 'column' | 'index';
  from: string;
  to: string;
}

export interface DiffOptions {
  /** Renames that happened between the snapshots; without them, a renamed object is removed + added. */
  renames?: readonly RenameHint[];
}

export interface SchemaDifference {
  /** `added`: only in `after`; `removed`: only in `before`; `changed`: in both, different; `renamed`: `from` in `before` is `object` in `after`. */
  change: 'added' | 'removed' | 'changed' | 'renamed';
  /** The object, named as in `after` for `added` and `renamed`, as in `before` otherwise. */
  object: SchemaObjectRef;
  /** `renamed`: the object's name in `before`. */
  from?: SchemaObjectRef;
  /** `changed`: the properties that differ, in a fixed order. */
  properties: PropertyChange[];
}

/** What the model keeps of one object, as `[property, shown value, compared value]` rows. */
type Shape = Array<[property: string, shown: string, compared: string]>;

// --- the public API ----------------------------------------------------------------------------

export function diffSnapshots(wholeBefore: SchemaSnapshot, wholeAfter: SchemaSnapshot, options: DiffOptions = {}): SchemaDifference[] {
  // Two states of one replay: compare only what changed between them (the same differences, found
  // without listing the whole schema).
  const [before, after] = Snapshot.narrowToChanges(wholeBefore, wholeAfter) ?? [wholeBefore, wholeAfter];
  const out: SchemaDifference[] = [];
  const hinted = (kind: RenameHint['kind'], from: string, to: string) => renamedTo(options.renames ?? [], kind, from).has(to);
  diffNames('schema', before.schemas(), after.schemas(), out);
  diffNames('extension', before.extensions(), after.extensions(), out);
  diffKeyed(
    before.types(),
    after.types(),
    (t) => ({ kind: 'type', name: t.name }),
    (t) => typeShape(t),
    out,
  );

  const renames = new Renames(hinted);
  const tables = diffTables(before, after, renames, out);
  const sequencesBefore = listSequences(before);
  const sequencesAfter = listSequences(after);
  if (sequencesBefore && sequencesAfter) {
    const owned = (s: SequenceInfo) => !s.ownedBy || !tables.involved.has(keyOf(s.ownedBy.table));
    diffKeyed(
      sequencesBefore.filter(owned),
      sequencesAfter.filter(owned),
      (s) => ({ kind: 'sequence', name: s.name }),
      (s, side) => sequenceShape(side === 'before' ? renames.sequence(s) : s),
      out,
    );
  }
  diffIndexes(before, after, renames, tables.involved, out);
  diffKeyed(
    before.views(),
    after.views(),
    (v) => ({ kind: 'view', name: v.name }),
    (v, side) => viewShape(v, side === 'before' ? (q) => renames.table(q) : (q) => q),
    out,
  );
  diffKeyed(
    before.functions(),
    after.functions(),
    (f) => ({ kind: 'function', name: f.name, args: f.args }),
    (f) => functionShape(f),
    out,
    (f) => `${keyOf(f.name)}\0${f.args.join(',')}`,
  );
  return out;
}

/** `column "orders.coupon"`, `index "users_email_idx"`, `policy "owner reads" on "orders"`, `function "touch(int4)"`. */
export function describeObject(ref: SchemaObjectRef): string {
  const name = displayName(ref.name);
  switch (ref.kind) {
    case 'schema':
    case 'extension':
      return `${ref.kind} "${ref.name.name}"`;
    case 'column':
      return `column "${name}.${ref.member}"`;
    case 'constraint':
    case 'policy':
      return `${ref.kind} "${ref.member}" on "${name}"`;
    case 'function':
      return `function "${name}(${(ref.args ?? []).join(', ')})"`;
    default:
      return `${ref.kind} "${name}"`;
  }
}

/** `type text (was int4), nullable (was NOT NULL)`. */
export function describeChanges(changes: readonly PropertyChange[]): string {
  return changes.map((c) => `${c.property} ${c.after} (was ${c.before})`).join(', ');
}

/**
 * The object as one snapshot holds it, as a comparable string; undefined when the snapshot lacks
 * it. Two snapshots hold the object alike exactly when the strings are equal (a table's string
 * covers its own properties, not its columns, constraints or policies, which are objects of their own).
 */
export function objectState(snapshot: SchemaSnapshot, ref: SchemaObjectRef): string | undefined {
  const shape = shapeOf(snapshot, ref);
  return shape && JSON.stringify(shape.map(([property, , compared]) => [property, compared]));
}

/** `orders` for `public.orders`, `app.orders` otherwise. */
export function displayName(name: QualifiedName): string {
  return name.schema === 'public' ? name.name : `${name.schema}.${name.name}`;
}

function shapeOf(snapshot: SchemaSnapshot, ref: SchemaObjectRef): Shape | undefined {
  switch (ref.kind) {
    case 'schema':
      return snapshot.schemas().includes(ref.name.name) ? [] : undefined;
    case 'extension':
      return snapshot.extensions().includes(ref.name.name) ? [] : undefined;
    case 'type': {
      const type = snapshot.type(ref.name);
      return type && typeShape(type);
    }
    case 'table': {
      const table = snapshot.table(ref.name);
      return table && tableShape(table);
    }
    case 'column': {
      const column = snapshot.table(ref.name)?.columns.find((c) => c.name === ref.member);
      return column && columnShape(column);
    }
    case 'constraint': {
      const constraint = snapshot.table(ref.name)?.constraints.find((c) => c.name === ref.member);
      return constraint && constraintShape(constraint, ref.name);
    }
    case 'policy': {
      const policy = snapshot.table(ref.name)?.policies.find((p) => p.name === ref.member);
      return policy && policyShape(policy);
    }
    case 'sequence': {
      const sequence = snapshot.sequence(ref.name);
      return sequence && sequenceShape(sequence);
    }
    case 'index': {
      const index = snapshot.index(ref.name);
      return index && indexShape(index);
    }
    case 'view': {
      const view = snapshot.view(ref.name);
      return view && viewShape(view, (q) => q);
    }
    case 'function': {
      const fn = snapshot.functions(ref.name).find((f) => f.args.join(',') === (ref.args ?? []).join(','));
      return fn && functionShape(fn);
    }
  }
}

// --- shapes ----------------------------------------------------------------------------------------

const row = (property: string, shown: string, compared = shown): [string, string, string] => [property, shown, compared];
const none = (value: string | undefined) => (value === undefined || value === '' ? 'none' : value);
const list = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '));

/** Expression text as compared: as Postgres reads it (compare-expressions.ts); `none` when absent. */
export function normaliseExpression(text: string | undefined): string {
  if (text === undefined || text.trim() === '') return 'none';
  return canonicalExpression(text);
}

function typeShape(t: TypeInfo): Shape {
  const shape: Shape = [row('kind', t.kind)];
  if (t.kind === 'enum') shape.push(row('labels', list((t.values ?? []).map((v) => `'${v}'`))));
  return shape;
}

function tableShape(t: TableInfo): Shape {
  return [
    row('kind', t.kind),
    row('row level security', t.rlsEnabled ? 'enabled' : 'disabled'),
    row('forced row level security', t.rlsForced ? 'forced' : 'not forced'),
  ];
}

function columnShape(c: ColumnInfo): Shape {
  return [
    row('type', c.type),
    row('nullability', c.notNull ? 'NOT NULL' : 'nullable'),
    row('default', none(c.default), normaliseExpression(c.default)),
    row('identity', none(c.identity)),
    row('generated', none(c.generated)),
  ];
}

/** Names as the other snapshot calls them (renames), for comparing a before-side object. */
interface Translate {
  table(name: QualifiedName): QualifiedName;
  column(table: QualifiedName, column: string): string;
}

const AS_IS: Translate = { table: (q) => q, column: (_t, c) => c };

function constraintShape(c: ConstraintInfo, table: QualifiedName, translate: Translate = AS_IS): Shape {
  const shape: Shape = [row('kind', c.kind), row('columns', list(c.columns.map((col) => translate.column(table, col))))];
  if (c.references) {
    const target = c.references.table;
    shape.push(row('references', `${displayName(translate.table(target))}(${c.references.columns.map((col) => translate.column(target, col)).join(', ')})`));
  }
  shape.push(row('validation', c.notValid ? 'NOT VALID' : 'validated'));
  if (c.expression !== undefined) shape.push(row('expression', c.expression, normaliseExpression(c.expression)));
  return shape;
}

function policyShape(p: PolicyInfo): Shape {
  return [
    row('command', p.command.toUpperCase()),
    row('roles', list([...p.roles].sort())),
    row('mode', p.permissive ? 'permissive' : 'restrictive'),
    row('USING', none(p.using), normaliseExpression(p.using)),
    row('WITH CHECK', none(p.withCheck), normaliseExpression(p.withCheck)),
  ];
}

function sequenceShape(s: SequenceInfo): Shape {
  return [row('owned by', s.ownedBy ? `${displayName(s.ownedBy.table)}.${s.ownedBy.column}` : 'none')];
}

function indexShape(i: IndexInfo, table: QualifiedName = i.table, columns: readonly string[] = i.columns): Shape {
  return [
    row('table', displayName(table)),
    row('columns', list(columns)),
    row('uniqueness', i.unique ? 'unique' : 'not unique'),
    row('predicate', i.partial ? 'partial' : 'whole table'),
    row('expressions', i.expression ? 'has expressions' : 'plain columns'),
  ];
}

function viewShape(v: ViewInfo, table: (q: QualifiedName) => QualifiedName): Shape {
  return [
    row('kind', v.materialized ? 'materialized' : 'plain'),
    row('security_invoker', v.securityInvoker ? 'on' : 'off'),
    row('reads', list(v.reads.map((q) => displayName(table(q))))),
  ];
}

function functionShape(f: FunctionInfo): Shape {
  return [row('security', f.securityDefiner ? 'DEFINER' : 'INVOKER'), row('search_path', none(f.searchPath)), row('language', f.language)];
}

// --- renames ---------------------------------------------------------------------------------------

/** Tables and columns renamed between the snapshots: before-side names → after-side names. */
class Renames implements Translate {
  constructor(readonly hinted: (kind: RenameHint['kind'], from: string, to: string) => boolean) {}

  private readonly tables = new Map<string, QualifiedName>();
  /** By the after-side table key: old column → new column. */
  private readonly columns = new Map<string, Map<string, string>>();

  addTable(from: QualifiedName, to: QualifiedName): void {
    this.tables.set(keyOf(from), to);
  }

  addColumn(table: QualifiedName, from: string, to: string): void {
    const key = keyOf(table);
    let map = this.columns.get(key);
    if (!map) this.columns.set(key, (map = new Map()));
    map.set(from, to);
  }

  /** A before-side table name as the after side calls it. */
  table(name: QualifiedName): QualifiedName {
    return this.tables.get(keyOf(name)) ?? name;
  }

  /** A before-side column of a before-side table, as the after side calls it. */
  column(table: QualifiedName, column: string): string {
    return this.columns.get(keyOf(this.table(table)))?.get(column) ?? column;
  }

  isRenamedTable(before: QualifiedName, after: QualifiedName): boolean {
    const to = this.tables.get(keyOf(before));
    return to !== undefined && keyOf(to) === keyOf(after);
  }

  sequence(s: SequenceInfo): SequenceInfo {
    if (!s.ownedBy) return s;
    return { ...s, ownedBy: { table: this.table(s.ownedBy.table), column: this.column(s.ownedBy.table, s.ownedBy.column) } };
  }
}

// --- tables ----------------------------------------------------------------------------------------

function diffTables(before: SchemaSnapshot, after: SchemaSnapshot, renames: Renames, out: SchemaDifference[]): { involved: Set<string> } {
  const b = new Map(before.tables().map((t) => [keyOf(t.name), t]));
  const a = new Map(after.tables().map((t) => [keyOf(t.name), t]));
  const removed = [...b.values()].filter((t) => !a.has(keyOf(t.name)));
  const added = [...a.values()].filter((t) => !b.has(keyOf(t.name)));
  /** Tables that are a difference of their own: their indexes and sequences are not listed apart. */
  const involved = new Set<string>();
  const pairs: Array<[TableInfo, TableInfo]> = [];
  for (const from of removed) {
    const to = added.find((t) => !pairs.some(([, x]) => x === t) && renames.hinted('table', from.name.name, t.name.name));
    if (to) {
      pairs.push([from, to]);
      renames.addTable(from.name, to.name);
    }
  }
  const tableRef = (t: TableInfo): SchemaObjectRef => ({ kind: 'table', name: t.name });
  for (const t of removed) {
    const pair = pairs.find(([from]) => from === t);
    if (pair) out.push({ change: 'renamed', object: tableRef(pair[1]), from: tableRef(t), properties: [] });
    else {
      involved.add(keyOf(t.name));
      out.push({ change: 'removed', object: tableRef(t), properties: [] });
    }
  }
  for (const t of added) {
    if (pairs.some(([, to]) => to === t)) continue;
    involved.add(keyOf(t.name));
    out.push({ change: 'added', object: tableRef(t), properties: [] });
  }

  // Columns first (their renames steer the comparison of constraints), then the rest.
  const both = [...[...b.values()].filter((t) => a.has(keyOf(t.name))).map((t) => [t, a.get(keyOf(t.name))!] as const), ...pairs];
  for (const [tb, ta] of both) {
    if (tb !== ta) diffColumns(tb, ta, renames, out);
  }
  for (const [tb, ta] of both) {
    if (tb === ta) continue;
    const props = changedProperties(tableShape(tb), tableShape(ta));
    if (props.length > 0) out.push({ change: 'changed', object: tableRef(ta), properties: props });
    const member = (kind: 'constraint' | 'policy') => (name: string): SchemaObjectRef => ({ kind, name: ta.name, member: name });
    diffMembers(
      tb.constraints,
      ta.constraints,
      member('constraint'),
      (c, side) => (side === 'before' ? constraintShape(c, tb.name, renames) : constraintShape(c, ta.name)),
      out,
    );
    diffMembers(tb.policies, ta.policies, member('policy'), (p) => policyShape(p), out);
  }
  return { involved };
}

function diffColumns(tb: TableInfo, ta: TableInfo, renames: Renames, out: SchemaDifference[]): void {
  const ref = (name: string): SchemaObjectRef => ({ kind: 'column', name: ta.name, member: name });
  const removed = tb.columns.filter((c) => !ta.columns.some((x) => x.name === c.name));
  const added = ta.columns.filter((c) => !tb.columns.some((x) => x.name === c.name));
  const paired = new Map<ColumnInfo, ColumnInfo>();
  for (const from of removed) {
    const to = added.find((c) => ![...paired.values()].includes(c) && renames.hinted('column', from.name, c.name));
    if (to) {
      paired.set(from, to);
      renames.addColumn(ta.name, from.name, to.name);
      out.push({ change: 'renamed', object: ref(to.name), from: { kind: 'column', name: tb.name, member: from.name }, properties: [] });
    } else out.push({ change: 'removed', object: ref(from.name), properties: [] });
  }
  for (const c of added) if (![...paired.values()].includes(c)) out.push({ change: 'added', object: ref(c.name), properties: [] });
  for (const [from, to] of paired) {
    const props = changedProperties(columnShape(from), columnShape(to));
    if (props.length > 0) out.push({ change: 'changed', object: ref(to.name), properties: props });
  }
  for (const cb of tb.columns) {
    const ca = ta.columns.find((c) => c.name === cb.name);
    if (!ca || ca === cb) continue;
    const props = changedProperties(columnShape(cb), columnShape(ca));
    if (props.length > 0) out.push({ change: 'changed', object: ref(ca.name), properties: props });
  }
}

function diffMembers<T extends { name: string }>(
  before: readonly T[],
  after: readonly T[],
  ref: (name: string) => SchemaObjectRef,
  shape: (item: T, side: 'before' | 'after') => Shape,
  out: SchemaDifference[],
): void {
  for (const item of before) {
    const other = after.find((x) => x.name === item.name);
    if (!other) out.push({ change: 'removed', object: ref(item.name), properties: [] });
    else if (other !== item) {
      const props = changedProperties(shape(item, 'before'), shape(other, 'after'));
      if (props.length > 0) out.push({ change: 'changed', object: ref(item.name), properties: props });
    }
  }
  for (const item of after) if (!before.some((x) => x.name === item.name)) out.push({ change: 'added', object: ref(item.name), properties: [] });
}

// --- indexes and the rest ----------------------------------------------------------------------------

function diffIndexes(before: SchemaSnapshot, after: SchemaSnapshot, renames: Renames, involved: ReadonlySet<string>, out: SchemaDifference[]): void {
  const translated = (i: IndexInfo) =>
    indexShape(
      i,
      renames.table(i.table),
      i.columns.map((c) => renames.column(i.table, c)),
    );
  // The indexes of a table that was itself added or removed are not differences of their own.
  const keep = (i: IndexInfo) => !involved.has(keyOf(i.table));
  const b = before.indexes().filter(keep);
  const a = after.indexes().filter(keep);
  const ref = (i: IndexInfo): SchemaObjectRef => ({ kind: 'index', name: i.name });
  // Keyed once: this runs for every migration with a down, over every index of the schema.
  const aByKey = new Map(a.map((i) => [keyOf(i.name), i]));
  const bByKey = new Map(b.map((i) => [keyOf(i.name), i]));
  const removed = b.filter((i) => !aByKey.has(keyOf(i.name)));
  const added = a.filter((i) => !bByKey.has(keyOf(i.name)));
  const paired = new Map<IndexInfo, IndexInfo>();
  const pairedTargets = new Set<IndexInfo>();
  for (const from of removed) {
    const to = added.find((i) => !pairedTargets.has(i) && i.name.schema === from.name.schema && renames.hinted('index', from.name.name, i.name.name));
    if (to) {
      paired.set(from, to);
      pairedTargets.add(to);
      out.push({ change: 'renamed', object: ref(to), from: ref(from), properties: [] });
    } else out.push({ change: 'removed', object: ref(from), properties: [] });
  }
  for (const i of added) if (!pairedTargets.has(i)) out.push({ change: 'added', object: ref(i), properties: [] });
  for (const [from, to] of paired) {
    const props = changedProperties(translated(from), indexShape(to));
    if (props.length > 0) out.push({ change: 'changed', object: ref(to), properties: props });
  }
  for (const ib of b) {
    const ia = aByKey.get(keyOf(ib.name));
    if (!ia || ia === ib) continue;
    const props = changedProperties(translated(ib), indexShape(ia));
    if (props.length > 0) out.push({ change: 'changed', object: ref(ia), properties: props });
  }
}

function diffNames(kind: 'schema' | 'extension', before: readonly string[], after: readonly string[], out: SchemaDifference[]): void {
  const ref = (name: string): SchemaObjectRef => ({ kind, name: { schema: name, name } });
  for (const name of before) if (!after.includes(name)) out.push({ change: 'removed', object: ref(name), properties: [] });
  for (const name of after) if (!before.includes(name)) out.push({ change: 'added', object: ref(name), properties: [] });
}

function diffKeyed<T extends { name: QualifiedName }>(
  before: readonly T[],
  after: readonly T[],
  ref: (item: T) => SchemaObjectRef,
  shape: (item: T, side: 'before' | 'after') => Shape,
  out: SchemaDifference[],
  key: (item: T) => string = (item) => keyOf(item.name),
): void {
  const a = new Map(after.map((item) => [key(item), item]));
  const b = new Map(before.map((item) => [key(item), item]));
  for (const [k, item] of b) {
    const other = a.get(k);
    if (!other) out.push({ change: 'removed', object: ref(item), properties: [] });
    else if (other !== item) {
      const props = changedProperties(shape(item, 'before'), shape(other, 'after'));
      if (props.length > 0) out.push({ change: 'changed', object: ref(other), properties: props });
    }
  }
  for (const [k, item] of a) if (!b.has(k)) out.push({ change: 'added', object: ref(item), properties: [] });
}

function changedProperties(before: Shape, after: Shape): PropertyChange[] {
  const out: PropertyChange[] = [];
  const properties = [...new Set([...before.map((r) => r[0]), ...after.map((r) => r[0])])];
  for (const property of properties) {
    const x = before.find((r) => r[0] === property);
    const y = after.find((r) => r[0] === property);
    if (x?.[2] === y?.[2]) continue;
    out.push({ property, before: x?.[1] ?? 'none', after: y?.[1] ?? 'none' });
  }
  return out;
}

/** Every name `from` reaches through the hints (`a` → `b` → `c`: a rename done in two steps). */
function renamedTo(hints: readonly RenameHint[], kind: RenameHint['kind'], from: string): Set<string> {
  const reached = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const name = queue.pop()!;
    for (const h of hints) {
      if (h.kind !== kind || h.from !== name || reached.has(h.to)) continue;
      reached.add(h.to);
      queue.push(h.to);
    }
  }
  return reached;
}

function listSequences(snapshot: SchemaSnapshot): SequenceInfo[] | undefined {
  const lister = (snapshot as { sequences?: unknown }).sequences;
  return typeof lister === 'function' ? (lister.call(snapshot) as SequenceInfo[]) : undefined;
}
