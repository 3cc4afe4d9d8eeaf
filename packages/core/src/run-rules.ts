// The rule runtime. File phase: each rule's visitors see each statement of a file, in order.
// Project phase: each rule's `project` hook sees every file once. A rule that throws becomes a
// notification naming the rule and file; the other rules go on (DESIGN.md §4, "fail closed").

import type { Notification, ProjectContext, ProjectInfo, ReportDescriptor, RuleContext, SchemaView, Settings, Statement } from './types.js';
import type { StatementPlace } from './project-model.js';
import type { AstAncestor } from './ast-nodes.js';
import { schemaViewFor } from './schema-view.js';
import type { ActiveRule } from './active-rules.js';
import { buildMessage } from './build-message.js';
import type { FileState } from './prepare-file.js';
import { withEmbedded } from './embed-statements.js';
import { appliesInside, insideDescriptor } from './nested-rules.js';
import { walkNodes } from './toolkit/walk-nodes.js';

type Notify = (notification: Notification) => void;

function ruleFailure(ruleId: string, file: string | undefined, error: unknown): Notification {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    level: 'error',
    ruleId,
    ...(file ? { file } : {}),
    message: `Rule ${ruleId} crashed${file ? ` on ${file}` : ''}: ${err.message}. Its findings for this file are incomplete; please report this to the rule's authors.`,
    ...(err.stack ? { detail: err.stack } : {}),
  };
}

export function runFileRules(state: FileState, rules: readonly ActiveRule[], settings: Settings, project: ProjectInfo, notify: Notify): void {
  const statements = state.source.statements;
  let current: Statement | undefined;
  // Place and schema view of the current statement, computed once per statement and only if asked.
  const model = project.model;
  let placeCache: { statement: Statement; place: StatementPlace | undefined } | undefined;
  let viewCache: { statement: Statement; view: SchemaView | undefined } | undefined;
  const placeOf = (statement: Statement) => {
    if (placeCache?.statement !== statement) placeCache = { statement, place: model.placeOf(state.path, statement) };
    return placeCache.place;
  };
  const schemaOf = (statement: Statement) => {
    if (viewCache?.statement !== statement) {
      const place = placeOf(statement);
      viewCache = { statement, view: place ? schemaViewFor(model, place, state.path, statement) : undefined };
    }
    return viewCache.view;
  };
  // The statements of each part, indexed on first use: one pass over the file.
  let parts: Map<Statement, Statement[]> | undefined;
  const statementsOfPart = (statement: Statement): readonly Statement[] => {
    if (!parts) {
      parts = new Map();
      const byPart = new Map<unknown, Statement[]>();
      for (const s of statements) {
        const part = placeOf(s)?.part;
        let list = byPart.get(part);
        if (!list) byPart.set(part, (list = []));
        if (s.kind !== 'ParseError') list.push(s);
        parts.set(s, list);
      }
    }
    // A statement from a PL/pgSQL body is in its top-level statement's part.
    return parts.get(statement.nested?.top ?? statement) ?? [];
  };
  const handlers = new Map<string, Array<{ id: string; fn: (node: any, s: Statement, ancestors: readonly AstAncestor[]) => void }>>();
  const failed = new Set<string>();

  // What every rule's context shares in this file, made once per file (not once per rule and file):
  // the per-rule contexts below only add the rule's id, options and report.
  const shared: Omit<RuleContext, 'id' | 'options' | 'report'> = {
    settings,
    file: state.source,
    get statement() {
      return current!;
    },
    statements,
    project,
    get migration() {
      return current ? placeOf(current) : undefined;
    },
    get schema() {
      return current ? schemaOf(current) : undefined;
    },
    rangeOf: (target) => state.locator.rangeOf(target, current),
    tokensOf: (statement) => state.locator.tokensOf(statement ?? current!),
    statementsOfPart: (statement) => statementsOfPart(statement ?? current!),
  };

  for (const active of rules) {
    if (!active.rule.create) continue;
    const context: RuleContext = Object.assign(Object.create(shared) as RuleContext, {
      id: active.id,
      options: active.options,
      report: (descriptor: ReportDescriptor) => {
        const range = state.locator.rangeOf(descriptor.at, current);
        state.messages.push(buildMessage({ ruleId: active.id, meta: active.rule.meta, severity: active.severity }, insideDescriptor(descriptor, current), range, state.map));
      },
    });
    try {
      const visitors = active.rule.create(context) as Record<string, ((node: any, s: Statement, ancestors: readonly AstAncestor[]) => void) | undefined>;
      for (const kind in visitors) {
        const fn = visitors[kind];
        if (!fn) continue;
        let list = handlers.get(kind);
        if (!list) handlers.set(kind, (list = []));
        list.push({ id: active.id, fn });
      }
    } catch (error) {
      notify(ruleFailure(active.id, state.path, error));
    }
  }
  if (handlers.size === 0) return;

  const everyStatement = handlers.get('Statement') ?? [];
  // Handlers of node types that are not statements are called for the nodes inside each statement.
  const nodeHandlers = new Map([...handlers].filter(([kind]) => !isStatementKind(kind)));
  const call = (list: ReadonlyArray<{ id: string; fn: (node: any, s: Statement, ancestors: readonly AstAncestor[]) => void }>, node: unknown, statement: Statement, ancestors: readonly AstAncestor[] = []) => {
    for (const { id, fn } of list) {
      if (failed.has(id) || !appliesInside(id, statement)) continue;
      try {
        fn(node, statement, ancestors);
      } catch (error) {
        failed.add(id);
        notify(ruleFailure(id, state.path, error));
      }
    }
  };
  const direct = [...nodeHandlers.keys()].every((type) => type in ONLY_AT);
  // The SQL inside a DO block or function body is visited right after the statement holding it.
  for (const statement of statements.flatMap((s) => [...withEmbedded(s)])) {
    if (statement.kind === 'ParseError') continue;
    current = statement;
    call(everyStatement, statement.node, statement);
    call(handlers.get(statement.kind) ?? [], statement.node, statement);
    if (nodeHandlers.size === 0) continue;
    if (direct) {
      // The nodes are read where the grammar puts them: the same nodes, in the same order, as the walk.
      const place = PLACES.get(statement.kind);
      const items: unknown = place ? statement.node[place] : undefined;
      if (!Array.isArray(items)) continue;
      const ancestors = [{ type: statement.kind, node: statement.node }];
      for (const item of items as Array<Record<string, any>>) {
        for (const type in item) {
          const list = nodeHandlers.get(type);
          if (list) call(list, item[type], statement, ancestors);
        }
      }
    } else {
      walkNodes(statement.node, [{ type: statement.kind, node: statement.node }], (type, node, ancestors) => {
        const list = nodeHandlers.get(type);
        if (list) call(list, node, statement, ancestors.slice());
      });
    }
  }
}

/**
 * Node types Postgres' grammar puts in one place only: an ALTER TABLE subcommand is only ever an
 * item of an AlterTableStmt's `cmds` (ALTER TABLE, INDEX, SEQUENCE, VIEW, TYPE … ADD ATTRIBUTE).
 * When every nested handler of a file is for such types, their nodes are read from there instead
 * of walking every node of every statement's tree (most statements hold none).
 */
const ONLY_AT: Readonly<Record<string, { statement: string; list: string }>> = {
  AlterTableCmd: { statement: 'AlterTableStmt', list: 'cmds' },
};
/** Statement kind → the list holding those nodes. */
const PLACES = new Map(Object.values(ONLY_AT).map((p) => [p.statement, p.list]));

/** Statement kinds end in `Stmt` (`Statement` is every statement): their handlers see statements only. */
function isStatementKind(kind: string): boolean {
  return kind === 'Statement' || kind === 'ParseError' || kind.endsWith('Stmt');
}

/** Project rules see every file; they report only on the files `isReported` accepts (the others are context). */
export function runProjectRules(
  states: readonly FileState[],
  rulesFor: (file: string) => { rules: ActiveRule[] },
  rules: readonly ActiveRule[],
  settings: Settings,
  project: ProjectInfo,
  notify: Notify,
  isReported: (file: string) => boolean = () => true,
): void {
  const byPath = new Map(states.map((s) => [s.path, s]));
  for (const active of rules) {
    if (!active.rule.project) continue;
    const context: ProjectContext = {
      id: active.id,
      options: active.options,
      settings,
      project,
      rangeOf: (file, target) => {
        const state = byPath.get(file);
        if (!state) throw new Error(`rangeOf: "${file}" is not a file of this run`);
        return state.locator.rangeOf(target, state.source.statements[0]);
      },
      tokensOf: (file, statement) => {
        const state = byPath.get(file);
        if (!state) throw new Error(`tokensOf: "${file}" is not a file of this run`);
        return state.locator.tokensOf(statement);
      },
      report: (descriptor) => {
        const state = byPath.get(descriptor.file);
        if (!state) throw new Error(`report: "${descriptor.file}" is not a file of this run`);
        if (!isReported(state.path)) return;
        // Overrides may turn a project rule off, or change its severity, for some files.
        const forFile = rulesFor(state.path).rules.find((r) => r.id === active.id);
        if (!forFile) return;
        const range = state.locator.rangeOf(descriptor.at, undefined);
        state.messages.push(buildMessage({ ruleId: active.id, meta: active.rule.meta, severity: forFile.severity }, descriptor, range, state.map));
      },
    };
    try {
      active.rule.project(context);
    } catch (error) {
      notify(ruleFailure(active.id, undefined, error));
    }
  }
}
