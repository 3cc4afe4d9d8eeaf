// DROP, RENAME and SET SCHEMA: an object leaves or changes name, and what depends on it follows —
// a table's indexes, owned sequences, foreign keys pointing at it and views reading it; a
// column's constraints and indexes; a type's columns (DROP TYPE … CASCADE).

import type { AstNode, QualifiedName, TableInfo, ViewInfo } from '@migralint/core';
import { indexDependencies } from './catalog.js';
import { keyOf, sameName, splitWritten, stringList } from './names.js';
import type { Replayer } from './replayer.js';
import { findFunction, findType, referencedFunction } from './replay-objects.js';
import { dropForeignKeysTo, dropSequencesOwnedBy, dropView, dropViewsReading, indexesOf, sequencesOwnedBy } from './dependents.js';
import { baseTypeName } from './type-name.js';

const rangeVar = (parts: readonly string[]) => {
  const written = splitWritten(parts);
  return written ? { schemaname: written.schema, relname: written.name } : undefined;
};

// --- DROP ----------------------------------------------------------------------------------------

export function drop(r: Replayer, node: AstNode): void {
  const cascade = node.behavior === 'DROP_CASCADE';
  const missingOk = node.missing_ok === true;
  for (const object of node.objects ?? []) {
    switch (node.removeType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_FOREIGN_TABLE': {
        const rv = rangeVar(stringList(object.List?.items));
        const name = r.findTable(rv);
        if (name) dropTable(r, name, cascade);
        else if (!missingOk && rv) r.referenced('table', r.missingName(rv.schemaname, rv.relname));
        break;
      }
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW': {
        const rv = rangeVar(stringList(object.List?.items));
        const name = rv && r.find(rv.schemaname, rv.relname, (q) => r.catalog.read('views').has(keyOf(q)));
        if (name) dropView(r, name, cascade);
        else if (!missingOk && rv) r.referenced('view', r.missingName(rv.schemaname, rv.relname));
        break;
      }
      case 'OBJECT_INDEX': {
        const rv = rangeVar(stringList(object.List?.items));
        const name = rv && r.find(rv.schemaname, rv.relname, (q) => r.catalog.read('indexes').has(keyOf(q)));
        if (name) r.catalog.remove('indexes', name);
        else if (!missingOk) r.note(`DROP INDEX: index ${rv?.relname ?? '?'} is not in the catalog`);
        break;
      }
      case 'OBJECT_SEQUENCE': {
        const rv = rangeVar(stringList(object.List?.items));
        const name = rv && r.find(rv.schemaname, rv.relname, (q) => r.catalog.read('sequences').has(keyOf(q)));
        if (name) r.catalog.remove('sequences', name);
        break;
      }
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE': {
        const owa = object.ObjectWithArgs;
        const found = findFunction(r, owa);
        if (!found) {
          if (!missingOk) referencedFunction(r, owa);
        } else if (found.matches.length > 1) r.note('DROP FUNCTION without arguments matches several overloads');
        else r.catalog.setOverloads(found.name, r.catalog.overloads(found.name).filter((_, i) => !found.matches.includes(i)));
        break;
      }
      case 'OBJECT_TYPE':
      case 'OBJECT_DOMAIN': {
        const parts = stringList(object.TypeName?.names);
        const name = findType(r, parts);
        if (name) dropType(r, name, cascade);
        else if (!missingOk) {
          const written = splitWritten(parts);
          if (written) r.referenced('type', r.missingName(written.schema, written.name));
        }
        break;
      }
      case 'OBJECT_SCHEMA': {
        const name = object.String?.sval;
        if (name && r.catalog.read('schemas').has(name)) dropSchema(r, name);
        else if (name && !missingOk) r.referenced('schema', { schema: name, name });
        break;
      }
      case 'OBJECT_EXTENSION': {
        const name = object.String?.sval;
        if (name && r.catalog.read('extensions').has(name)) r.catalog.write('extensions').delete(name);
        break;
      }
      case 'OBJECT_POLICY': {
        const parts = stringList(object.List?.items);
        const policy = parts.pop();
        const rv = rangeVar(parts);
        const table = r.findTable(rv);
        if (!table) {
          if (!missingOk && rv) r.referenced('table', r.missingName(rv.schemaname, rv.relname));
          break;
        }
        const current = r.catalog.table(table)!;
        if (current.policies.some((p) => p.name === policy)) {
          const draft = r.catalog.draft(table)!;
          draft.policies = draft.policies.filter((p) => p.name !== policy);
        } else if (!missingOk && current.createdIn !== undefined) r.note(`DROP POLICY: policy ${policy ?? '?'} on ${table.schema}.${table.name} is not in the catalog`);
        break;
      }
      default:
        // Triggers, rules, roles, publications, …: nothing the model keeps.
        break;
    }
  }
}

/** A table and everything that cannot outlive it; foreign keys and views elsewhere only under CASCADE. */
function dropTable(r: Replayer, name: QualifiedName, cascade: boolean): void {
  r.catalog.deleteTable(name);
  for (const index of indexesOf(r, name)) r.catalog.remove('indexes', index.name);
  dropSequencesOwnedBy(r, name);
  if (cascade) {
    dropForeignKeysTo(r, name);
    dropViewsReading(r, name);
  }
}

function dropType(r: Replayer, name: QualifiedName, cascade: boolean): void {
  r.catalog.remove('types', name);
  if (!cascade) return;
  // DROP TYPE … CASCADE drops the columns of that type.
  const typeName = `${name.schema}.${name.name}`;
  for (const table of [...r.catalog.read('tables').values()]) {
    if (!table.columns.some((c) => baseTypeName(c.type) === typeName)) continue;
    const draft = r.catalog.draft(table.name)!;
    draft.columns = draft.columns.filter((c) => baseTypeName(c.type) !== typeName);
  }
}

function dropSchema(r: Replayer, schema: string): void {
  r.catalog.write('schemas').delete(schema);
  for (const table of [...r.catalog.read('tables').values()]) if (table.name.schema === schema) dropTable(r, table.name, true);
  for (const view of [...r.catalog.read('views').values()]) if (view.name.schema === schema && r.catalog.get('views', view.name)) dropView(r, view.name, true);
  for (const kind of ['indexes', 'sequences', 'types', 'functions'] as const) {
    for (const key of [...r.catalog.read(kind).keys()]) {
      if (key.startsWith(`${schema}\0`)) r.catalog.write(kind).delete(key);
    }
  }
}

// --- RENAME and SET SCHEMA -----------------------------------------------------------------------

export function rename(r: Replayer, node: AstNode): void {
  const newname: string | undefined = node.newname;
  if (newname === undefined) return;
  const missingOk = node.missing_ok === true;
  switch (node.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_INDEX':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE':
      return moveRelation(r, node.relation, (from) => ({ schema: from.schema, name: newname }), missingOk);
    case 'OBJECT_COLUMN':
      return renameColumn(r, node, newname, missingOk);
    case 'OBJECT_TABCONSTRAINT':
      return renameConstraint(r, node, newname, missingOk);
    case 'OBJECT_POLICY': {
      const table = r.findTable(node.relation);
      if (!table) return;
      const current = r.catalog.table(table)!;
      const at = current.policies.findIndex((p) => p.name === node.subname);
      if (at === -1) {
        if (current.createdIn !== undefined) r.note(`RENAME POLICY: policy ${node.subname} on ${table.schema}.${table.name} is not in the catalog`);
        return;
      }
      const draft = r.catalog.draft(table)!;
      draft.policies[at] = { ...draft.policies[at]!, name: newname };
      return;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const parts = stringList(node.object?.List?.items ?? node.object?.TypeName?.names);
      const from = findType(r, parts);
      if (from) moveType(r, from, { schema: from.schema, name: newname });
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return moveFunction(r, node.object?.ObjectWithArgs, (from) => ({ schema: from.schema, name: newname }));
    case 'OBJECT_SCHEMA':
      if (node.subname) renameSchema(r, node.subname, newname);
      return;
    default:
      // Triggers, attributes, roles, domain constraints, …: nothing the model keeps.
      return;
  }
}

export function setSchema(r: Replayer, node: AstNode): void {
  const schema: string | undefined = node.newschema;
  if (!schema) return;
  const to = (from: QualifiedName) => ({ schema, name: from.name });
  switch (node.objectType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE':
      r.ensureSchema(schema);
      return moveRelation(r, node.relation, to, node.missing_ok === true);
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const from = findType(r, stringList(node.object?.List?.items ?? node.object?.TypeName?.names));
      if (from) {
        r.ensureSchema(schema);
        moveType(r, from, to(from));
      }
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      r.ensureSchema(schema);
      return moveFunction(r, node.object?.ObjectWithArgs, to);
    case 'OBJECT_EXTENSION': {
      const name = node.object?.String?.sval;
      const extension = name && r.catalog.read('extensions').get(name);
      if (extension) r.catalog.write('extensions').set(name, { ...extension, schema });
      return;
    }
    default:
      return;
  }
}

function moveRelation(r: Replayer, rv: AstNode | undefined, to: (from: QualifiedName) => QualifiedName, missingOk: boolean): void {
  const found = r.findRelation(rv);
  if (!found) {
    if (!missingOk && rv?.relname) r.referenced('table', r.missingName(rv.schemaname, rv.relname));
    return;
  }
  const target = to(found.name);
  if (sameName(target, found.name)) return;
  if (r.catalog.relationExists(target)) return r.note(`relation ${target.schema}.${target.name} already exists`);
  if (found.kind === 'table') moveTable(r, found.name, target);
  else if (found.kind === 'view') moveView(r, found.name, target);
  else if (found.kind === 'index') moveIndex(r, found.name, target);
  else moveSequence(r, found.name, target);
}

/** Rename or move a table; its indexes and owned sequences move schema with it, references follow. */
function moveTable(r: Replayer, from: QualifiedName, to: QualifiedName): void {
  const table = r.catalog.table(from)!;
  r.catalog.deleteTable(from);
  const draft = r.catalog.putTable({ ...table, name: to });
  const follow = (q: QualifiedName) => (sameName(q, from) ? to : q);
  draft.constraints = draft.constraints.map((c) => (c.references && sameName(c.references.table, from) ? { ...c, references: { ...c.references, table: to } } : c));
  for (const index of indexesOf(r, from)) {
    r.catalog.remove('indexes', index.name);
    const moved = { ...index, name: { schema: to.schema, name: index.name.name }, table: to };
    const deps = indexDependencies.get(index);
    if (deps) indexDependencies.set(moved, deps);
    r.catalog.put('indexes', moved);
    r.carryCreated('index', index.name, moved.name);
  }
  for (const sequence of sequencesOwnedBy(r, from)) {
    r.catalog.remove('sequences', sequence.name);
    const moved = { name: { schema: to.schema, name: sequence.name.name }, ownedBy: { ...sequence.ownedBy!, table: to } };
    r.catalog.put('sequences', moved);
    r.carryCreated('sequence', sequence.name, moved.name);
  }
  retargetReferences(r, from, to, follow);
  r.carryCreated('table', from, to);
}

/** Foreign keys of other tables and views' `reads` that name `from` now name `to`. */
function retargetReferences(r: Replayer, from: QualifiedName, to: QualifiedName, follow: (q: QualifiedName) => QualifiedName): void {
  for (const other of r.catalog.tablesReferencing(from)) {
    if (sameName(other.name, to) || !other.constraints.some((c) => c.references && sameName(c.references.table, from))) continue;
    const draft = r.catalog.draft(other.name)!;
    draft.constraints = draft.constraints.map((c) => (c.references && sameName(c.references.table, from) ? { ...c, references: { ...c.references, table: to } } : c));
  }
  for (const view of r.catalog.viewsReading(from)) {
    if (view.reads.some((q) => sameName(q, from))) r.catalog.put('views', { ...view, reads: view.reads.map(follow) });
  }
}

function moveView(r: Replayer, from: QualifiedName, to: QualifiedName): void {
  const view: ViewInfo = r.catalog.get('views', from)!;
  r.catalog.remove('views', from);
  r.catalog.put('views', { ...view, name: to });
  for (const index of indexesOf(r, from)) {
    r.catalog.remove('indexes', index.name);
    r.catalog.put('indexes', { ...index, name: { schema: to.schema, name: index.name.name }, table: to });
  }
  retargetReferences(r, from, to, (q) => (sameName(q, from) ? to : q));
  r.carryCreated('view', from, to);
}

function moveIndex(r: Replayer, from: QualifiedName, to: QualifiedName): void {
  const index = r.catalog.get('indexes', from)!;
  r.catalog.remove('indexes', from);
  const moved = { ...index, name: to };
  const deps = indexDependencies.get(index);
  if (deps) indexDependencies.set(moved, deps);
  r.catalog.put('indexes', moved);
  r.carryCreated('index', from, to);
  // Renaming a constraint's index renames the constraint (Postgres keeps them in step).
  const table = r.catalog.table(index.table);
  const at = table?.constraints.findIndex((c) => c.name === from.name && (c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclusion')) ?? -1;
  if (at !== -1) {
    const draft = r.catalog.draft(index.table)!;
    draft.constraints[at] = { ...draft.constraints[at]!, name: to.name };
  }
}

function moveSequence(r: Replayer, from: QualifiedName, to: QualifiedName): void {
  const sequence = r.catalog.get('sequences', from)!;
  r.catalog.remove('sequences', from);
  r.catalog.put('sequences', { ...sequence, name: to });
  r.carryCreated('sequence', from, to);
}

function moveType(r: Replayer, from: QualifiedName, to: QualifiedName): void {
  if (r.catalog.get('types', to)) return r.note(`type ${to.schema}.${to.name} already exists`);
  const type = r.catalog.get('types', from)!;
  r.catalog.remove('types', from);
  r.catalog.put('types', { ...type, name: to });
  r.carryCreated('type', from, to);
  // Columns and function arguments point at the type, not its name: their type strings follow.
  const oldName = `${from.schema}.${from.name}`;
  const newName = `${to.schema}.${to.name}`;
  const retype = (t: string) => (baseTypeName(t) === oldName ? newName + t.slice(oldName.length) : t);
  for (const table of [...r.catalog.read('tables').values()]) {
    if (!table.columns.some((c) => baseTypeName(c.type) === oldName)) continue;
    const draft = r.catalog.draft(table.name)!;
    draft.columns = draft.columns.map((c) => (baseTypeName(c.type) === oldName ? { ...c, type: retype(c.type) } : c));
  }
  for (const [key, overloads] of [...r.catalog.read('functions')]) {
    if (!overloads.some((f) => f.args.some((a) => baseTypeName(a) === oldName))) continue;
    r.catalog.write('functions').set(key, overloads.map((f) => ({ ...f, args: f.args.map(retype) })));
  }
}

function moveFunction(r: Replayer, owa: AstNode | undefined, to: (from: QualifiedName) => QualifiedName): void {
  const found = findFunction(r, owa);
  if (!found) return referencedFunction(r, owa);
  if (found.matches.length > 1) return r.note('function named without arguments matches several overloads');
  const target = to(found.name);
  const overloads = r.catalog.overloads(found.name);
  const moving = overloads[found.matches[0]!]!;
  r.catalog.setOverloads(found.name, overloads.filter((f) => f !== moving));
  const existing = r.catalog.overloads(target);
  if (existing.some((f) => f.args.join() === moving.args.join())) return r.note(`function ${target.schema}.${target.name}(${moving.args.join(', ')}) already exists`);
  r.catalog.setOverloads(target, [...existing, { ...moving, name: target }]);
  r.carryCreated('function', found.name, target);
}

function renameSchema(r: Replayer, from: string, to: string): void {
  const schemas = r.catalog.read('schemas');
  const entry = schemas.get(from);
  if (!entry) return;
  if (schemas.has(to)) return r.note(`schema ${to} already exists`);
  const write = r.catalog.write('schemas');
  write.delete(from);
  write.set(to, { ...entry, name: to });
  r.carryCreated('schema', { schema: from, name: from }, { schema: to, name: to });
  const move = (q: QualifiedName) => ({ schema: to, name: q.name });
  for (const table of [...r.catalog.read('tables').values()]) if (table.name.schema === from) moveTable(r, table.name, move(table.name));
  for (const view of [...r.catalog.read('views').values()]) if (view.name.schema === from) moveView(r, view.name, move(view.name));
  for (const index of [...r.catalog.read('indexes').values()]) if (index.name.schema === from) moveIndex(r, index.name, move(index.name));
  for (const sequence of [...r.catalog.read('sequences').values()]) if (sequence.name.schema === from) moveSequence(r, sequence.name, move(sequence.name));
  for (const type of [...r.catalog.read('types').values()]) if (type.name.schema === from) moveType(r, type.name, move(type.name));
  for (const overloads of [...r.catalog.read('functions').values()]) {
    const name = overloads[0]?.name;
    if (!name || name.schema !== from) continue;
    r.catalog.setOverloads(name, []);
    r.catalog.setOverloads(move(name), overloads.map((f) => ({ ...f, name: move(name) })));
  }
}

// --- columns and constraints ---------------------------------------------------------------------

function renameColumn(r: Replayer, node: AstNode, newname: string, missingOk: boolean): void {
  const old: string | undefined = node.subname;
  if (old === undefined) return;
  const relation = r.findRelation(node.relation);
  if (relation && relation.kind !== 'table') return; // view and index columns are not modelled
  const draft = r.tableToChange(node.relation, missingOk);
  if (!draft) return;
  const at = draft.columns.findIndex((c) => c.name === old);
  if (at === -1) {
    if (draft.createdIn === undefined) draft.columns.push(r.stubColumn(newname));
    else r.note(`RENAME COLUMN: column ${old} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
    return;
  }
  if (draft.columns.some((c) => c.name === newname)) return r.note(`column ${newname} of ${draft.name.schema}.${draft.name.name} already exists`);
  const swap = (c: string) => (c === old ? newname : c);
  draft.columns[at] = { ...draft.columns[at]!, name: newname };
  draft.constraints = draft.constraints.map((c) => {
    const self = c.references && sameName(c.references.table, draft.name);
    if (!c.columns.includes(old) && !self) return c;
    return { ...c, columns: c.columns.map(swap), ...(self ? { references: { ...c.references!, columns: c.references!.columns.map(swap) } } : {}) };
  });
  for (const other of r.catalog.tablesReferencing(draft.name)) {
    if (sameName(other.name, draft.name)) continue;
    const refers = (c: TableInfo['constraints'][number]) => c.references && sameName(c.references.table, draft.name) && c.references.columns.includes(old);
    if (!other.constraints.some(refers)) continue;
    const otherDraft = r.catalog.draft(other.name)!;
    otherDraft.constraints = otherDraft.constraints.map((c) => (refers(c) ? { ...c, references: { ...c.references!, columns: c.references!.columns.map(swap) } } : c));
  }
  for (const index of indexesOf(r, draft.name)) {
    const deps = indexDependencies.get(index);
    if (!index.columns.includes(old) && !deps?.includes(old)) continue;
    const renamed = { ...index, columns: index.columns.map(swap) };
    if (deps) indexDependencies.set(renamed, deps.map(swap));
    r.catalog.put('indexes', renamed);
  }
  for (const sequence of sequencesOwnedBy(r, draft.name)) {
    if (sequence.ownedBy!.column === old) {
      r.catalog.put('sequences', { ...sequence, ownedBy: { table: draft.name, column: newname } });
    }
  }
}

function renameConstraint(r: Replayer, node: AstNode, newname: string, missingOk: boolean): void {
  const draft = r.tableToChange(node.relation, missingOk);
  if (!draft) return;
  const at = draft.constraints.findIndex((c) => c.name === node.subname);
  if (at === -1) {
    if (draft.createdIn !== undefined) r.note(`RENAME CONSTRAINT: constraint ${node.subname} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
    return;
  }
  const constraint = draft.constraints[at]!;
  draft.constraints[at] = { ...constraint, name: newname };
  if (constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'exclusion') {
    const from = { schema: draft.name.schema, name: constraint.name };
    const index = r.catalog.get('indexes', from);
    if (index) {
      r.catalog.remove('indexes', from);
      const moved = { ...index, name: { schema: draft.name.schema, name: newname } };
      const deps = indexDependencies.get(index);
      if (deps) indexDependencies.set(moved, deps);
      r.catalog.put('indexes', moved);
      r.carryCreated('index', from, moved.name);
    }
  }
}
