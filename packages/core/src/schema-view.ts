// The schema as a rule sees it from one statement: before/after its migration, at the end, and
// "did this migration create it?" — built lazily from the model, only for rules that ask.

import type { ProjectModel, StatementPlace } from './project-model.js';
import type { SchemaView, Statement } from './types.js';

export function schemaViewFor(model: ProjectModel, place: StatementPlace, file: string, statement: Statement): SchemaView {
  const schema = model.schemaOf(place.set);
  const index = place.migration.index;
  const at = { file, offset: statement.start };
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
    resolve: (name) => schema.resolve(name, at),
    // A function body runs later, when whatever this migration created holds data: nothing is new there.
    isNew: (kind, name) => statement.nested?.runs !== 'later' && schema.createdIn(index, kind, schema.resolve(name, at)),
  };
}
