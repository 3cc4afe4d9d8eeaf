// The project model lint() hands to rules: the layout analysis (sets, findings), where each
// statement sits in the history and whether it runs inside a transaction, and the replayed schema
// of each set. Built once per run; everything per statement is a lookup by file path, computed
// lazily and memoised, so the whole corpus costs a few percent of lint time.

import type { BuildModel, Migration, MigrationPart, MigrationSet, ProjectModel, SchemaModel, Settings, SourceFile, StatementPlace } from '@migralint/core';
import { analyzeLayouts } from './layouts/detect-layout.js';
import { psqlRunFiles } from './layouts/runner-set.js';
import { supabaseRunsStandalone } from './layouts/runner-transactions.js';
import { SUPABASE_MODE } from './layouts/supabase.js';
import { replaySchema } from './schema/replay-schema.js';
import { inTransactionAt } from './transaction-state.js';

const ASSUMED_TRANSACTION = 'settings.assumeTransaction is true: every part is treated as running inside one transaction';

interface PartEntry {
  set: MigrationSet;
  migration: Migration;
  part: MigrationPart;
}

export const buildModel: BuildModel = (input) => {
  const analysis = analyzeLayouts(input);
  const files = new Map<string, SourceFile>(input.files.map((f) => [f.path, f]));

  const partsByFile = new Map<string, PartEntry[]>();
  for (const set of analysis.sets) {
    for (const migration of set.migrations) {
      for (const part of [...migration.up, ...migration.down]) {
        // Squawk's --assume-in-transaction, as a setting: the user knows their runner wraps every
        // part (a wrapper script, a runner-wide option we cannot read).
        if (input.settingsFor(part.file).assumeTransaction === true) {
          part.transaction = 'transaction';
          part.transactionReason = ASSUMED_TRANSACTION;
        }
        const entries = partsByFile.get(part.file);
        if (entries) entries.push({ set, migration, part });
        else partsByFile.set(part.file, [{ set, migration, part }]);
      }
    }
  }

  const transactionStates = new Map<MigrationPart, Map<number, boolean>>();
  const stateOf = (part: MigrationPart): Map<number, boolean> => {
    let state = transactionStates.get(part);
    if (!state) {
      // The Supabase CLI takes CREATE INDEX CONCURRENTLY & co. out of its per-file transaction.
      const options = part.transactionReason === SUPABASE_MODE.transactionReason ? { runsStandalone: supabaseRunsStandalone } : {};
      state = inTransactionAt(part, files.get(part.file)?.statements ?? [], options);
      transactionStates.set(part, state);
    }
    return state;
  };

  const schemas = new Map<MigrationSet, SchemaModel>();
  const psqlFiles = psqlRunFiles(analysis.sets);
  const model: ProjectModel = {
    sets: analysis.sets,
    findings: analysis.findings,
    placeOf(file, statement): StatementPlace | undefined {
      const entry = partsByFile.get(file)?.find((e) => statement.start >= e.part.range.start && statement.start < e.part.range.end);
      if (!entry) return undefined;
      const inTransaction = stateOf(entry.part).get(statement.index) ?? entry.part.transaction === 'transaction';
      return { set: entry.set, migration: entry.migration, part: entry.part, inTransaction };
    },
    runByPsql: (file) => psqlFiles.has(file),
    schemaOf(set) {
      let schema = schemas.get(set);
      if (!schema) {
        schema = replaySchema({ set, files, settings: settingsOfSet(set, input.settingsFor) });
        schemas.set(set, schema);
      }
      return schema;
    },
  };
  return model;
};

function settingsOfSet(set: MigrationSet, settingsFor: (path: string) => Settings): Settings {
  const first = set.migrations.find((m) => m.up.length > 0 || m.down.length > 0);
  const file = first ? (first.up[0] ?? first.down[0])!.file : set.dir;
  return settingsFor(file);
}
