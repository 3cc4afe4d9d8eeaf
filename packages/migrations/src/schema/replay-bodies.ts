// The replay runs what PL/pgSQL bodies run (issue #15, docs/plpgsql.md "The replay"). A `DO` block
// runs its statements now; one under `IF NOT EXISTS (…catalog…)`, or in a block that catches
// `duplicate_*`, is taken as executed (the object exists after it either way). Other conditions,
// loops, handlers and EXECUTEs whose names are variables are not run: they are noted as skipped.
// A function body runs only when the migration later calls the function: `SELECT f();`,
// `SELECT * FROM f();`, `CALL p();`, or `PERFORM f()` inside a DO block.

import type { AstNode, SourceFile, Statement } from '@migralint/core';
import type { Replayer } from './replayer.js';
import { stringList, splitWritten } from './names.js';

type Apply = (r: Replayer, kind: string, node: AstNode) => void;

/** Functions and procedures with a PL/pgSQL body, by `schema.name`, per replay. */
const bodies = new WeakMap<Replayer, Map<string, Statement>>();
/** Calls being run, so a recursive function is run once. */
const running = new WeakSet<Statement>();

/** Runs the current statement's `DO` body. */
export function replayDo(r: Replayer, apply: Apply): void {
  const statement = r.statement;
  if (!statement.plpgsql) return r.note('DO block: its PL/pgSQL body could not be read');
  runBody(r, statement, apply);
}

/** Remembers a PL/pgSQL function's body, to run it where the migration calls the function. */
export function rememberBody(r: Replayer, node: AstNode): void {
  const statement = r.statement;
  const written = splitWritten(stringList(node.funcname));
  if (!written || !statement.embedded) return;
  const name = r.nameForCreate(written.schema, written.name);
  let map = bodies.get(r);
  if (!map) bodies.set(r, (map = new Map()));
  map.set(`${name.schema}.${name.name}`, statement);
}

/** `SELECT f()`, `SELECT * FROM f()`, `CALL p()`: runs the bodies of the functions called. */
export function replayCalls(r: Replayer, node: AstNode, apply: Apply): void {
  const known = bodies.get(r);
  for (const call of calledFunctions(node)) {
    const written = splitWritten(stringList(call.funcname));
    if (!written) continue;
    const schemas = written.schema ? [written.schema] : r.searchPath;
    const body = schemas.map((schema) => known?.get(`${schema}.${written.name}`)).find((s) => s !== undefined);
    if (!body && node.funccall) r.note('CALL: the procedure body is opaque to the replay');
    if (!body || running.has(body)) continue;
    running.add(body);
    try {
      runBody(r, body, apply);
    } finally {
      running.delete(body);
    }
  }
}

function runBody(r: Replayer, holder: Statement, apply: Apply): void {
  const top = r.statement;
  const file = r.file;
  for (const statement of holder.embedded ?? []) {
    const skip = whyNotRun(statement);
    if (skip) {
      r.skipped.push({ file: file.path, offset: statement.start, kind: statement.kind, reason: skip });
      continue;
    }
    // Handlers read expression texts at node locations: give them the body's SQL as the file.
    const { source } = statement.nested!.embedded;
    const own: SourceFile = { path: file.path, text: source, statements: [] };
    const at = source.indexOf(statement.text);
    r.begin(r.migration, own, { ...statement, start: Math.max(0, at), end: Math.max(0, at) + statement.text.length });
    const noted = r.skipped.length;
    try {
      apply(r, statement.kind, statement.node);
      if (statement.kind === 'SelectStmt' || statement.kind === 'CallStmt') replayCalls(r, statement.node, apply);
    } finally {
      // Notes made while running it point at the statement in the real file.
      for (const note of r.skipped.slice(noted)) Object.assign(note, { file: file.path, offset: statement.start });
      r.begin(r.migration, file, top);
    }
  }
}

/** Why an embedded statement is not taken as executed, or undefined when it is. */
function whyNotRun(statement: Statement): string | undefined {
  const { embedded } = statement.nested!;
  if (embedded.placeholders) return `the names in this EXECUTE are variables (${embedded.placeholders.join(', ')}), known only at run time`;
  for (const e of embedded.enclosures) {
    if (e.kind === 'if' && e.guard?.runsWhen === 'absent' && e.branch !== 'else') continue;
    if (e.kind === 'protected') continue;
    if (e.kind === 'loop') return 'inside a loop, whose iterations are known only at run time';
    if (e.kind === 'handler') return 'inside an exception handler, which runs only when an error is raised';
    return 'inside a condition known only at run time';
  }
  return undefined;
}

/** The calls of `SELECT f(…)` (targets) and `SELECT * FROM f(…)` / `CALL p(…)`. */
function calledFunctions(node: AstNode): AstNode[] {
  if (node.funccall) return [node.funccall];
  const calls: AstNode[] = [];
  for (const target of node.targetList ?? []) {
    const call = target.ResTarget?.val?.FuncCall;
    if (call) calls.push(call);
  }
  for (const from of node.fromClause ?? []) {
    for (const f of from.RangeFunction?.functions ?? []) {
      const call = f.List?.items?.[0]?.FuncCall;
      if (call) calls.push(call);
    }
  }
  return calls;
}
