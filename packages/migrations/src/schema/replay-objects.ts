// Everything besides tables: views, functions, types, sequences, schemas, extensions, policies,
// plus the references triggers and grants make (to tell external objects apart), and the
// search_path changes.

import type { AstNode, FunctionInfo, PolicyInfo, QualifiedName, TypeInfo } from '@migralint/core';
import { defElemText, isTrueOption, visitNodes } from './ast.js';
import { policyExpressions } from './expression-source.js';
import { DEFAULT_SEARCH_PATH, keyOf, searchPathFromArgs, splitWritten, stringList } from './names.js';
import type { Replayer } from './replayer.js';

// --- views ---------------------------------------------------------------------------------------

export function createView(r: Replayer, node: AstNode): void {
  const rv = node.view;
  if (!rv?.relname) return r.note('CREATE VIEW without a name');
  const name = r.nameForCreate(rv.relpersistence === 't' && rv.schemaname === undefined ? 'pg_temp' : rv.schemaname, rv.relname);
  const existing = r.catalog.get('views', name);
  if (existing ? !node.replace : r.catalog.relationExists(name)) return r.note(`relation ${name.schema}.${name.name} already exists`);
  let securityInvoker = false;
  for (const option of node.options ?? []) {
    const elem = option.DefElem;
    if (elem?.defname === 'security_invoker') securityInvoker = isTrueOption(defElemText(elem));
  }
  r.catalog.put('views', { name, materialized: false, securityInvoker, reads: viewReads(r, node.query) });
  if (!existing) r.created('view', name);
}

export function createMaterializedView(r: Replayer, node: AstNode): void {
  const rv = node.into?.rel;
  if (!rv?.relname) return r.note('CREATE MATERIALIZED VIEW without a name');
  const name = r.nameForCreate(rv.schemaname, rv.relname);
  if (r.catalog.relationExists(name)) {
    if (!node.if_not_exists) r.note(`relation ${name.schema}.${name.name} already exists`);
    return;
  }
  r.catalog.put('views', { name, materialized: true, securityInvoker: false, reads: viewReads(r, node.query) });
  r.created('view', name);
}

/** Relations a query reads (CTE names left out); ones not in the catalog are external. */
function viewReads(r: Replayer, query: AstNode | undefined): QualifiedName[] {
  const ctes = new Set<string>();
  const ranges: AstNode[] = [];
  visitNodes(query, (kind, fields) => {
    if (kind === 'CommonTableExpr' && fields.ctename) ctes.add(fields.ctename);
    else if (kind === 'RangeVar') ranges.push(fields);
  });
  const reads: QualifiedName[] = [];
  ranges.sort((a, b) => (a.location ?? 0) - (b.location ?? 0));
  for (const rv of ranges) {
    if (!rv.relname || (rv.schemaname === undefined && ctes.has(rv.relname))) continue;
    const found = r.findRelation(rv);
    let name: QualifiedName;
    if (found) name = found.name;
    else {
      name = r.missingName(rv.schemaname, rv.relname);
      r.referenced('table', name);
    }
    if (!reads.some((q) => q.schema === name.schema && q.name === name.name)) reads.push(name);
  }
  return reads;
}

// --- functions -----------------------------------------------------------------------------------

const INPUT_MODES = new Set([undefined, 'FUNC_PARAM_IN', 'FUNC_PARAM_INOUT', 'FUNC_PARAM_VARIADIC', 'FUNC_PARAM_DEFAULT']);

function inputArgs(r: Replayer, parameters: readonly AstNode[] | undefined): string[] {
  const out: string[] = [];
  for (const item of parameters ?? []) {
    const p = item.FunctionParameter;
    if (p && INPUT_MODES.has(p.mode)) out.push(r.type(p.argType).type);
  }
  return out;
}

const sameArgs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export function createFunction(r: Replayer, node: AstNode): void {
  const written = splitWritten(stringList(node.funcname));
  if (!written) return r.note('CREATE FUNCTION without a name');
  const name = r.nameForCreate(written.schema, written.name);
  const args = inputArgs(r, node.parameters);
  const info: FunctionInfo = { name, args, securityDefiner: false, language: 'sql' };
  applyFunctionOptions(r, info, node.options);
  const overloads = r.catalog.overloads(name);
  const at = overloads.findIndex((f) => sameArgs(f.args, args));
  if (at !== -1 && !node.replace) return r.note(`function ${name.schema}.${name.name}(${args.join(', ')}) already exists`);
  r.catalog.setOverloads(name, at === -1 ? [...overloads, info] : overloads.map((f, i) => (i === at ? info : f)));
  if (at === -1) r.created('function', name);
}

/** LANGUAGE, SECURITY DEFINER/INVOKER and SET search_path / RESET of CREATE or ALTER FUNCTION. */
function applyFunctionOptions(r: Replayer, info: FunctionInfo, options: readonly AstNode[] | undefined): void {
  for (const option of options ?? []) {
    const elem = option.DefElem;
    if (!elem) continue;
    if (elem.defname === 'language') info.language = defElemText(elem).toLowerCase();
    else if (elem.defname === 'security') info.securityDefiner = elem.arg?.Boolean?.boolval === true;
    else if (elem.defname === 'set') {
      const set = elem.arg?.VariableSetStmt;
      if (set?.kind === 'VAR_RESET_ALL') delete info.searchPath;
      if (set?.name !== 'search_path') continue;
      if (set.kind === 'VAR_SET_VALUE') info.searchPath = searchPathText(set.args);
      else if (set.kind === 'VAR_SET_CURRENT') info.searchPath = r.searchPath.join(', ');
      else delete info.searchPath;
    }
  }
}

/** `SET search_path = public, pg_temp` → `public, pg_temp`; `= ''` → `''`. */
function searchPathText(args: readonly AstNode[] | undefined): string {
  const values = (args ?? []).map((a) => a?.A_Const?.sval?.sval ?? a?.String?.sval).filter((v): v is string => typeof v === 'string');
  return values.map((v) => (v === '' ? "''" : v)).join(', ');
}

/** The function an ObjectWithArgs names: its qualified name and which overloads match. */
export function findFunction(r: Replayer, owa: AstNode | undefined): { name: QualifiedName; matches: number[] } | undefined {
  const written = splitWritten(stringList(owa?.objname));
  if (!owa || !written) return undefined;
  const args = owa.args_unspecified ? undefined : owa.objfuncargs ? inputArgs(r, owa.objfuncargs) : (owa.objargs ?? []).map((t: AstNode) => r.type(t.TypeName ?? t).type);
  let matches: number[] = [];
  const name = r.find(written.schema, written.name, (q) => {
    const overloads = r.catalog.overloads(q);
    matches = overloads.flatMap((f, i) => (args === undefined || sameArgs(f.args, args) ? [i] : []));
    return matches.length > 0;
  });
  if (!name) return undefined;
  return { name, matches };
}

export function alterFunction(r: Replayer, node: AstNode): void {
  const found = findFunction(r, node.func);
  if (!found) return referencedFunction(r, node.func);
  if (found.matches.length > 1) return r.note('ALTER FUNCTION without arguments matches several overloads');
  const overloads = r.catalog.overloads(found.name);
  const info = { ...overloads[found.matches[0]!]! };
  applyFunctionOptions(r, info, node.actions);
  r.catalog.setOverloads(found.name, overloads.map((f, i) => (i === found.matches[0] ? info : f)));
}

export function referencedFunction(r: Replayer, owa: AstNode | undefined): void {
  const written = splitWritten(stringList(owa?.objname));
  if (written && written.schema !== 'pg_catalog') r.referenced('function', r.missingName(written.schema, written.name));
}

// --- types ---------------------------------------------------------------------------------------

function createTypeNamed(r: Replayer, written: { schema?: string; name: string } | undefined, info: Omit<TypeInfo, 'name'>): void {
  if (!written) return r.note('CREATE TYPE without a name');
  const name = r.nameForCreate(written.schema, written.name);
  if (r.catalog.get('types', name)) return r.note(`type ${name.schema}.${name.name} already exists`);
  r.catalog.put('types', { name, ...info });
  r.created('type', name);
}

export function createEnum(r: Replayer, node: AstNode): void {
  createTypeNamed(r, splitWritten(stringList(node.typeName)), { kind: 'enum', values: stringList(node.vals) });
}

export function createComposite(r: Replayer, node: AstNode): void {
  const rv = node.typevar;
  createTypeNamed(r, rv?.relname ? { schema: rv.schemaname, name: rv.relname } : undefined, { kind: 'composite' });
}

export function createDomain(r: Replayer, node: AstNode): void {
  createTypeNamed(r, splitWritten(stringList(node.domainname)), { kind: 'domain' });
}

export function createRange(r: Replayer, node: AstNode): void {
  createTypeNamed(r, splitWritten(stringList(node.typeName)), { kind: 'range' });
}

/** The catalog name of a type as written (`mood`, `app.mood`), through the search_path. */
export function findType(r: Replayer, parts: readonly string[]): QualifiedName | undefined {
  const written = splitWritten(parts);
  if (!written) return undefined;
  return r.find(written.schema, written.name, (q) => r.catalog.read('types').has(keyOf(q)));
}

export function alterEnum(r: Replayer, node: AstNode): void {
  const parts = stringList(node.typeName);
  const name = findType(r, parts);
  if (!name) {
    const written = splitWritten(parts);
    if (written) r.referenced('type', r.missingName(written.schema, written.name));
    return;
  }
  const type = r.catalog.get('types', name)!;
  const values = [...(type.values ?? [])];
  if (node.oldVal !== undefined) {
    const at = values.indexOf(node.oldVal);
    if (at === -1) return r.note(`enum ${name.schema}.${name.name} has no value '${node.oldVal}'`);
    values[at] = node.newVal;
  } else if (node.newVal !== undefined) {
    if (values.includes(node.newVal)) {
      if (!node.skipIfNewValExists) r.note(`enum ${name.schema}.${name.name} already has value '${node.newVal}'`);
      return;
    }
    const neighbour = node.newValNeighbor === undefined ? -1 : values.indexOf(node.newValNeighbor);
    if (neighbour === -1) values.push(node.newVal);
    else values.splice(node.newValIsAfter ? neighbour + 1 : neighbour, 0, node.newVal);
  }
  r.catalog.put('types', { ...type, values });
}

// --- sequences -----------------------------------------------------------------------------------

export function createSequence(r: Replayer, node: AstNode): void {
  const rv = node.sequence;
  if (!rv?.relname) return r.note('CREATE SEQUENCE without a name');
  const name = r.nameForCreate(rv.relpersistence === 't' && rv.schemaname === undefined ? 'pg_temp' : rv.schemaname, rv.relname);
  if (r.catalog.relationExists(name)) {
    if (!node.if_not_exists) r.note(`relation ${name.schema}.${name.name} already exists`);
    return;
  }
  r.catalog.put('sequences', { name, ...ownedByOption(r, node.options) });
  r.created('sequence', name);
}

export function alterSequence(r: Replayer, node: AstNode): void {
  const rv = node.sequence;
  const name = r.find(rv?.schemaname, rv?.relname ?? '', (q) => r.catalog.read('sequences').has(keyOf(q)));
  if (!name) return;
  const owned = ownedByOption(r, node.options);
  if (owned === undefined) return;
  const { ownedBy: _old, ...sequence } = r.catalog.get('sequences', name)!;
  r.catalog.put('sequences', owned.ownedBy ? { ...sequence, ownedBy: owned.ownedBy } : sequence);
}

/** `OWNED BY t.col` → `{ ownedBy }`; `OWNED BY NONE` → `{}`; no such option → undefined (ALTER) or `{}`. */
function ownedByOption(r: Replayer, options: readonly AstNode[] | undefined): { ownedBy?: { table: QualifiedName; column: string } } | undefined {
  for (const option of options ?? []) {
    const elem = option.DefElem;
    if (elem?.defname !== 'owned_by') continue;
    const parts = stringList(elem.arg?.List?.items);
    if (parts.length === 1 && parts[0] === 'none') return {};
    if (parts.length < 2) return {};
    const column = parts[parts.length - 1]!;
    const tableParts = parts.slice(0, -1);
    const rv = tableParts.length >= 2 ? { schemaname: tableParts[tableParts.length - 2], relname: tableParts[tableParts.length - 1] } : { relname: tableParts[0] };
    const table = r.findTable(rv) ?? r.missingName(rv.schemaname, rv.relname!);
    return { ownedBy: { table, column } };
  }
  return options === undefined ? {} : undefined;
}

// --- schemas and extensions ----------------------------------------------------------------------

export function createSchema(r: Replayer, node: AstNode, applyElement: (kind: string, node: AstNode) => void): void {
  const name: string | undefined = node.schemaname ?? node.authrole?.rolename;
  if (!name) return r.note('CREATE SCHEMA without a name');
  const existing = r.catalog.read('schemas').get(name);
  if (existing && !existing.external) {
    if (!node.if_not_exists) r.note(`schema ${name} already exists`);
    return;
  }
  // A schema only seen referenced so far (an external stub) is created by the history from here on.
  r.catalog.write('schemas').set(name, { name, createdIn: r.migration, ...(node.authrole?.rolename ? { owner: node.authrole.rolename } : {}) });
  r.created('schema', { schema: name, name });
  if (!node.schemaElts?.length) return;
  const saved = r.searchPath;
  r.searchPath = [name, ...saved];
  try {
    for (const element of node.schemaElts) {
      const [kind] = Object.keys(element);
      if (kind) applyElement(kind, element[kind]);
    }
  } finally {
    r.searchPath = saved;
  }
}

export function createExtension(r: Replayer, node: AstNode): void {
  const name: string | undefined = node.extname;
  if (!name) return;
  if (r.catalog.read('extensions').has(name)) {
    if (!node.if_not_exists) r.note(`extension ${name} already exists`);
    return;
  }
  let schema: string | undefined;
  for (const option of node.options ?? []) if (option.DefElem?.defname === 'schema') schema = defElemText(option.DefElem);
  if (schema) r.ensureSchema(schema);
  r.catalog.write('extensions').set(name, { name, ...(schema ? { schema } : {}) });
}

// --- policies ------------------------------------------------------------------------------------

function roleNames(roles: readonly AstNode[] | undefined): string[] | undefined {
  if (!roles?.length) return undefined;
  return roles.map((item) => {
    const role = item.RoleSpec ?? item;
    switch (role.roletype) {
      case 'ROLESPEC_CSTRING':
        return String(role.rolename);
      case 'ROLESPEC_PUBLIC':
        return 'public';
      case 'ROLESPEC_CURRENT_USER':
        return 'current_user';
      case 'ROLESPEC_CURRENT_ROLE':
        return 'current_role';
      case 'ROLESPEC_SESSION_USER':
        return 'session_user';
      default:
        return String(role.rolename ?? '?');
    }
  });
}

/** Schema-qualified function calls in a policy expression (`auth.uid()`) the catalog lacks are external. */
function noteFunctionsUsed(r: Replayer, expr: AstNode | undefined): void {
  if (!expr) return;
  visitNodes(expr, (kind, fields) => {
    if (kind !== 'FuncCall') return;
    const written = splitWritten(stringList(fields.funcname));
    if (!written?.schema || written.schema === 'pg_catalog') return;
    const name = { schema: written.schema, name: written.name };
    if (r.catalog.overloads(name).length === 0) r.referenced('function', name);
  });
}

export function createPolicy(r: Replayer, node: AstNode): void {
  const relation = r.findRelation(node.table);
  if (relation && relation.kind !== 'table') return r.note(`CREATE POLICY on ${relation.kind} ${relation.name.schema}.${relation.name.name}`);
  const draft = r.tableToChange(node.table, false);
  if (!draft) return;
  const name: string = node.policy_name;
  if (draft.policies.some((p) => p.name === name)) return r.note(`policy ${name} on ${draft.name.schema}.${draft.name.name} already exists`);
  const texts = node.qual || node.with_check ? policyExpressions(r.file, r.statement) : {};
  const policy: PolicyInfo = {
    name,
    command: (node.cmd_name ?? 'all') as PolicyInfo['command'],
    roles: roleNames(node.roles) ?? ['public'],
    permissive: node.permissive === true,
  };
  if (node.qual) policy.using = texts.using ?? '…';
  if (node.with_check) policy.withCheck = texts.withCheck ?? '…';
  noteFunctionsUsed(r, node.qual);
  noteFunctionsUsed(r, node.with_check);
  draft.policies.push(policy);
}

export function alterPolicy(r: Replayer, node: AstNode): void {
  const draft = r.tableToChange(node.table, false);
  if (!draft) return;
  const at = draft.policies.findIndex((p) => p.name === node.policy_name);
  if (at === -1) {
    if (draft.createdIn !== undefined) r.note(`policy ${node.policy_name} on ${draft.name.schema}.${draft.name.name} is not in the catalog`);
    return;
  }
  const texts = node.qual || node.with_check ? policyExpressions(r.file, r.statement) : {};
  const policy = { ...draft.policies[at]! };
  const roles = roleNames(node.roles);
  if (roles) policy.roles = roles;
  if (node.qual) policy.using = texts.using ?? '…';
  if (node.with_check) policy.withCheck = texts.withCheck ?? '…';
  noteFunctionsUsed(r, node.qual);
  noteFunctionsUsed(r, node.with_check);
  draft.policies[at] = policy;
}

// --- references only -----------------------------------------------------------------------------

/** CREATE TRIGGER: no trigger model, but its table and function tell what is external. */
export function noteTriggerReferences(r: Replayer, node: AstNode): void {
  if (node.relation?.relname && !r.findRelation(node.relation)) r.referenced('table', r.missingName(node.relation.schemaname, node.relation.relname));
  const written = splitWritten(stringList(node.funcname));
  if (written && written.schema !== 'pg_catalog' && !r.find(written.schema, written.name, (q) => r.catalog.overloads(q).length > 0)) {
    r.referenced('function', r.missingName(written.schema, written.name));
  }
}

/** GRANT/REVOKE on tables and schemas: no grant model, but the objects it names tell what is external. */
export function noteGrantReferences(r: Replayer, node: AstNode): void {
  if (node.targtype !== 'ACL_TARGET_OBJECT') return;
  if (node.objtype === 'OBJECT_TABLE') {
    for (const item of node.objects ?? []) {
      const rv = item.RangeVar;
      if (rv?.relname && !r.findRelation(rv)) r.referenced('table', r.missingName(rv.schemaname, rv.relname));
    }
  } else if (node.objtype === 'OBJECT_SCHEMA') {
    for (const item of node.objects ?? []) if (item.String?.sval) r.ensureSchema(item.String.sval);
  }
}

// --- search_path ---------------------------------------------------------------------------------

/** `SET search_path …` / `RESET search_path`: the path for the rest of the part, or undefined if not about it. */
export function searchPathOfSet(node: AstNode, current: readonly string[]): readonly string[] | undefined {
  if (node.kind === 'VAR_RESET_ALL') return DEFAULT_SEARCH_PATH;
  if (node.name !== 'search_path') return undefined;
  switch (node.kind) {
    case 'VAR_SET_VALUE':
      return searchPathFromArgs(node.args);
    case 'VAR_SET_DEFAULT':
    case 'VAR_RESET':
      return DEFAULT_SEARCH_PATH;
    default:
      return current;
  }
}

/** `SELECT set_config('search_path', '…', …)` (pg_dump's preamble): the new path, or undefined. */
export function searchPathOfSelect(node: AstNode): readonly string[] | undefined {
  let path: readonly string[] | undefined;
  for (const target of node.targetList ?? []) {
    const call = target.ResTarget?.val?.FuncCall;
    if (!call) continue;
    const fn = stringList(call.funcname);
    if (fn[fn.length - 1] !== 'set_config') continue;
    const [setting, value] = call.args ?? [];
    if (setting?.A_Const?.sval?.sval !== 'search_path' || value?.A_Const?.sval === undefined) continue;
    path = searchPathFromArgs([value]);
  }
  return path;
}
