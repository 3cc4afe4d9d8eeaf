/**
 * A down that does not undo its up is a rollback that "works" until someone needs it: the column
 * the up added is still there, so re-running the up fails; the index the up dropped is never
 * recreated, so the rolled-back app is slow. This rule replays the history statically: the schema
 * after the up and then the down must equal the schema before the up — tables, columns (type,
 * default, NOT NULL, identity), constraints, indexes, policies, RLS flags, views, functions, types,
 * sequences, schemas and extensions — and every difference is named and reported where it comes
 * from: at the down statement that left it, or at the up statement the down never answers.
 *
 * Quiet where the model cannot judge: when the replay skipped a statement of the up or the down (a
 * DO block, an unmodelled statement, an object the model does not know), and for external objects
 * (tables and functions the history uses but never creates), and for an extension the up only
 * ensures with `CREATE EXTENSION IF NOT EXISTS`. Function bodies, grants, comments,
 * triggers and column order are not modelled, so not compared. An empty down is `empty-down`'s;
 * a migration marked `-- migralint-irreversible: <reason>` is accepted.
 */
import { defineRule, ruleDocsUrl, type Migration, type ProjectReportDescriptor, type SchemaSnapshot, type Statement } from '@migralint/core';
import { effectiveStatements, filesOf, migrationLabel, setsWithDowns } from '../history.js';
import { isDeclaredIrreversible } from '../irreversible-annotation.js';
import { policyApplies, sinceOption } from '../policy-start.js';
import { displayQualifiedName } from '@migralint/core';
import { describeObject, diffSnapshots, objectState, replayDown, type DownReplay, type RenameHint, type SchemaDifference, type SchemaObjectRef } from '../schema-replay.js';

interface Options {
  since?: string;
}

const ONLY_UNDO = 'a rollback should undo what the up did and nothing else';

export default defineRule<Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a down migration that does not restore the schema its up started from.',
      url: ruleDocsUrl('rollback', 'down-does-not-reverse'),
      why: 'A down that leaves part of its up in place (or undoes more) makes a rollback leave a schema nobody tested: re-running the up fails, or the rolled-back code meets missing indexes and constraints. The schema after up + down must be the schema before the up.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      leftInPlace: 'The down of {{migration}} leaves {{object}} (added by the up) in place, so a rollback does not restore the schema; drop {{it}} in the down',
      notRecreated: 'The down of {{migration}} does not recreate {{object}} that the up dropped, so a rollback leaves the schema without {{it}}; recreate {{it}} in the down as before the up',
      notRestored: 'The down of {{migration}} does not restore {{object}} that the up changed ({{changes}}); change {{it}} back in the down',
      recreatedDifferently: 'The down of {{migration}} recreates {{object}} that the up dropped, but differently ({{changes}}); recreate {{it}} as before the up',
      leftRenamed: 'The down of {{migration}} leaves {{from}} renamed to {{to}}, so a rollback does not restore the schema; rename it back in the down',
      dropsExisting: 'The down of {{migration}} drops {{object}}, which existed before the up; ' + ONLY_UNDO,
      createsNew: 'The down of {{migration}} creates {{object}}, which did not exist before the up; ' + ONLY_UNDO,
      changesExisting: 'The down of {{migration}} changes {{object}}, which the up left alone ({{changes}}); ' + ONLY_UNDO,
    },
    schema: {
      type: 'object',
      properties: { since: sinceOption },
      additionalProperties: false,
    },
  },
  project(context) {
    const { model } = context.project;
    const files = filesOf(context.project);
    for (const set of setsWithDowns(context.project)) {
      const applies = policyApplies(set, context.options.since);
      for (const migration of set.migrations) {
        if (migration.repeatable || migration.up.length === 0 || migration.down.length === 0 || !applies(migration)) continue;
        // An up that changes nothing has nothing to reverse (its down belongs with a neighbour, as in
        // Ory's multi-step migrations); an empty down is empty-down's.
        if (!migration.up.some((p) => effectiveStatements(files.get(p.file), p).length > 0)) continue;
        const downStatements = migration.down.flatMap((p) => effectiveStatements(files.get(p.file), p));
        if (downStatements.length === 0) continue;
        if (isDeclaredIrreversible(migration, files, context.tokensOf)) continue;
        const replay = replayDown({ model: model.schemaOf(set), set, index: migration.index, files });
        // A statement the replay did not understand may explain any difference: say nothing.
        if (!replay || replay.skipped.length > 0) continue;
        const findings = diffSnapshots(replay.before, replay.afterDown, { renames: renamesIn(replay) })
          .filter((d) => !isExternal(d, replay) && !extensionEnsured(d, replay))
          .map((d) => findingOf(migrationLabel(migration, set.layout), migration, replay, d, downStatements[0]!));
        for (const finding of mergeFindings(findings)) context.report(finding);
      }
    }
  },
});

/**
 * An extension the up only ensures (`CREATE EXTENSION IF NOT EXISTS`): it is database-wide, often
 * there already (platforms pre-install them) and maybe used by other schemas, so a down that leaves
 * it in place is the careful one.
 */
function extensionEnsured(d: SchemaDifference, replay: DownReplay): boolean {
  if (d.object.kind !== 'extension' || d.change !== 'added') return false;
  return replay.up.some(({ statement }) => statement.kind === 'CreateExtensionStmt' && statement.node.if_not_exists && statement.node.extname === d.object.name.name);
}

interface Finding {
  file: string;
  messageId: string;
  at: Statement;
  data: Record<string, string>;
  /** The objects the message names (`{{object}}`); findings that differ only in them are merged. */
  objects: SchemaObjectRef[];
}

function findingOf(label: string, migration: Migration, replay: DownReplay, d: SchemaDifference, fallback: Statement): Finding {
  const data: Record<string, string> = { migration: label };
  const upHas = (ref: SchemaObjectRef) => objectState(replay.afterUp, ref) !== undefined;
  let messageId: string;
  switch (d.change) {
    case 'added':
      messageId = upHas(d.object) ? 'leftInPlace' : 'createsNew';
      break;
    case 'removed':
      messageId = upHas(d.object) ? 'dropsExisting' : 'notRecreated';
      break;
    case 'renamed':
      messageId = 'leftRenamed';
      data.from = describeObject(d.from!);
      data.to = `"${shortName(d.object)}"`;
      break;
    case 'changed': {
      const afterUp = objectState(replay.afterUp, d.object);
      messageId = afterUp === undefined ? 'recreatedDifferently' : afterUp !== objectState(replay.before, d.object) ? 'notRestored' : 'changesExisting';
      data.changes = d.properties.map((p) => `${p.property} ${p.after}, ${p.before} before the up`).join('; ');
      break;
    }
  }
  const step = responsibleStep(replay, d.change === 'renamed' ? [d.object, d.from!] : [d.object]);
  const at = step?.statement ?? fallback;
  const file = step?.part.file ?? migration.down.find((p) => at.start >= p.range.start && at.start < p.range.end)?.file ?? migration.down[0]!.file;
  return { file, messageId, at, data, objects: d.change === 'renamed' ? [] : [d.object] };
}

/**
 * One finding per statement and kind of difference: a down that re-adds twenty columns with a
 * default they never had is one finding naming them, not twenty.
 */
function mergeFindings(findings: readonly Finding[]): ProjectReportDescriptor[] {
  const groups = new Map<string, Finding[]>();
  findings.forEach((f, i) => {
    const key = f.objects.length === 0 ? `#${i}` : JSON.stringify([f.file, f.at.start, f.messageId, f.data, f.objects[0]!.kind]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  });
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const objects = group.flatMap((f) => f.objects);
    const data = objects.length === 0 ? first.data : { ...first.data, object: describeObjects(objects), it: objects.length > 1 ? 'them' : 'it' };
    return { file: first.file, messageId: first.messageId, data, at: first.at };
  });
}

/** `column "t.a"`; `columns "t.a", "t.b" and "t.c"`; `columns "t.a", "t.b", "t.c" and 4 more`. */
function describeObjects(refs: readonly SchemaObjectRef[]): string {
  if (refs.length === 1) return describeObject(refs[0]!);
  const kind = refs[0]!.kind;
  const names = refs.map((r) => describeObject(r).slice(kind.length + 1));
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return `${kind}s ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The statement a difference comes from: the last down statement that changed the object, else the
 * last up statement that did (the down has no counterpart for it).
 */
function responsibleStep(replay: DownReplay, refs: readonly SchemaObjectRef[]) {
  const changedAt = (steps: DownReplay['up'], start: SchemaSnapshot) => {
    for (let i = steps.length - 1; i >= 0; i--) {
      const previous = i === 0 ? start : steps[i - 1]!.after;
      if (refs.some((ref) => objectState(steps[i]!.after, ref) !== objectState(previous, ref))) return steps[i];
    }
    return undefined;
  };
  return changedAt(replay.down, replay.afterUp) ?? changedAt(replay.up, replay.before);
}

/** Differences about objects the history never created: the model does not know them whole. */
function isExternal(d: SchemaDifference, replay: DownReplay): boolean {
  const snapshots = [replay.before, replay.afterUp, replay.afterDown];
  const ref = d.object;
  switch (ref.kind) {
    case 'table':
    case 'column':
    case 'constraint':
    case 'policy': {
      const names = d.from ? [ref.name, d.from.name] : [ref.name];
      return names.some((name) => snapshots.some((s) => s.isExternal('table', name) || (s.table(name) !== undefined && s.table(name)!.createdIn === undefined)));
    }
    case 'index': {
      const table = snapshots.map((s) => s.index(ref.name)?.table).find((t) => t !== undefined);
      return table !== undefined && snapshots.some((s) => s.isExternal('table', table) || (s.table(table) !== undefined && s.table(table)!.createdIn === undefined));
    }
    case 'view':
    case 'function':
    case 'type':
      return replay.before.isExternal(ref.kind, ref.name);
    case 'schema':
      return replay.before.isExternal('schema', ref.name);
    default:
      return false;
  }
}

/** The object's own name, as a rename message shows the new one: `coupon_code`, `orders_v2`. */
function shortName(ref: SchemaObjectRef): string {
  if (ref.member !== undefined) return ref.member;
  if (ref.kind === 'schema' || ref.kind === 'extension') return ref.name.name;
  return displayQualifiedName(ref.name);
}

/** The renames the up and the down make (`ALTER TABLE … RENAME …`, `ALTER INDEX … RENAME TO …`), so the diff can name them as renames. */
function renamesIn(replay: DownReplay): RenameHint[] {
  const hints: RenameHint[] = [];
  for (const { statement } of [...replay.up, ...replay.down]) {
    if (statement.kind !== 'RenameStmt') continue;
    const node = statement.node;
    const to: string | undefined = node.newname;
    if (to === undefined) continue;
    if (node.renameType === 'OBJECT_COLUMN' && node.subname) hints.push({ kind: 'column', from: node.subname, to });
    else if (node.renameType === 'OBJECT_TABLE' && node.relation?.relname) hints.push({ kind: 'table', from: node.relation.relname, to });
    else if (node.renameType === 'OBJECT_INDEX' && node.relation?.relname) hints.push({ kind: 'index', from: node.relation.relname, to });
  }
  return hints;
}
