// The schema as a rule sees it from one statement: before/after its migration, at the end, and
// "did this migration create it?" by identity — built lazily from the model, only for rules that ask.

import type { IdentifiedKind, ProjectModel, QualifiedName, StatementPlace } from './project-model.js';
import type { SchemaView, Statement } from './types.js';

const IDENTIFIED = new Set<string>(['table', 'view', 'index', 'sequence', 'type'] satisfies IdentifiedKind[]);

export function schemaViewFor(model: ProjectModel, place: StatementPlace, file: string, statement: Statement): SchemaView {
  const schema = model.schemaOf(place.set);
  const index = place.migration.index;
  const at = { file, offset: statement.start };
  const resolve = (name: { schema?: string; name: string }): QualifiedName => schema.resolve(name, at);
  const runsLater = statement.nested?.runs === 'later';
  const isNew: SchemaView['isNew'] = (kind, name) => {
    const q = resolve(name);
    const found = IDENTIFIED.has(kind) ? schema.identify(index, at, kind as IdentifiedKind, q) : undefined;
    // Nothing by that name here (a DROP … IF EXISTS of nothing): what the migration did with the name.
    return found ? found.createdIn === index : schema.createdIn(index, kind, q);
  };
  const tableBefore: SchemaView['tableBefore'] = (name) => {
    const q = resolve(name);
    const found = schema.identify(index, at, 'table', q);
    if (!found) return schema.before(index).table(q);
    return found.nameBefore ? schema.before(index).table(found.nameBefore) : undefined;
  };
  return {
    model: schema,
    get before() {
      return schema.before(index);
    },
    get after() {
      return schema.after(index);
    },
    get atEnd() {
      return schema.atEnd();
    },
    resolve,
    // A function body runs later, when whatever this migration created holds data: nothing is new there.
    isNew: (kind, name) => !runsLater && isNew(kind, name),
    tableBefore,
    isNewColumn(table, column) {
      if (runsLater) return false;
      if (isNew('table', table)) return true;
      const q = resolve(table);
      const found = schema.identifyColumn(index, at, q, column);
      if (found) return found.createdIn === index;
      // No column by that name here: as before the migration, if the history knows the table's columns.
      const before = tableBefore(table);
      return before && !schema.before(index).isExternal('table', q) ? !before.columns.some((c) => c.name === column) : undefined;
    },
    columnBefore(table, column) {
      const found = schema.identifyColumn(index, at, resolve(table), column);
      return found ? found.before : tableBefore(table)?.columns.find((c) => c.name === column);
    },
  };
}
