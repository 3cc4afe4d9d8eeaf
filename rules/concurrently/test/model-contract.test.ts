// The rules against the migration-model contract of @migralint/core (project-model.ts), with a
// small hand-made model: what the rules read from `context.migration` (the part's transaction
// mode and reason, its range in the file, the layout) and `context.schema` (isNew, the table and
// index catalog before the migration). Independent of how @migralint/migrations detects layouts.

import { describe, expect, it } from 'vitest';
import {
  runEngine,
  type BuildModel,
  type IndexInfo,
  type LayoutName,
  type LintMessage,
  type MigrationPart,
  type MigrationSet,
  type QualifiedName,
  type SchemaSnapshot,
  type TableInfo,
} from '@migralint/core';
import concurrently from '../src/index.js';

interface FakePart {
  /** The part starts at the first occurrence of this text (default: the file's start). */
  from?: string;
  /** …and ends where this text starts (default: the file's end). */
  to?: string;
  direction?: 'up' | 'down';
  transaction: 'transaction' | 'none';
  reason?: string;
}

interface FakeHistory {
  layout: LayoutName;
  /** One migration per file, in order. */
  files: Array<{ path: string; code: string; parts: FakePart[] }>;
  /** `schema.name` of tables each migration (by index) created. */
  createdTables?: Record<number, string[]>;
  /** Tables and indexes that exist before every migration (production). */
  tables?: Array<Pick<TableInfo, 'kind'> & { name: string }>;
  indexes?: Array<{ name: string; table: string }>;
}

const qualified = (name: string): QualifiedName => {
  const [schema, table] = name.includes('.') ? name.split('.') : ['public', name];
  return { schema: schema!, name: table! };
};
const key = (name: QualifiedName) => `${name.schema}.${name.name}`;

function fakeModel(history: FakeHistory): BuildModel {
  return () => {
    const set: MigrationSet = { layout: history.layout, dir: 'migrations', supportsDown: true, migrations: [] };
    history.files.forEach((file, index) => {
      const parts: MigrationPart[] = file.parts.map((part) => {
        const start = part.from ? file.code.indexOf(part.from) : 0;
        const end = part.to ? file.code.indexOf(part.to) : file.code.length;
        return {
          file: file.path,
          direction: part.direction ?? 'up',
          range: { start, end },
          transaction: part.transaction,
          transactionReason: part.reason ?? `${history.layout} applies each migration in a transaction`,
        };
      });
      set.migrations.push({ index, version: String(index + 1), name: file.path, up: parts.filter((p) => p.direction === 'up'), down: parts.filter((p) => p.direction === 'down') });
    });
    const tables = new Map((history.tables ?? []).map((t) => [key(qualified(t.name)), t]));
    const indexes = new Map((history.indexes ?? []).map((i) => [key(qualified(i.name)), i]));
    const snapshot: SchemaSnapshot = {
      table: (name) => {
        const t = tables.get(key(name));
        return t ? ({ name, columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind: t.kind } as TableInfo) : undefined;
      },
      tables: () => [],
      index: (name) => {
        const i = indexes.get(key(name));
        return i ? ({ name, table: qualified(i.table), columns: [], unique: false, partial: false, expression: false } as IndexInfo) : undefined;
      },
      indexes: () => [],
      view: () => undefined,
      views: () => [],
      functions: () => [],
      type: () => undefined,
      types: () => [],
      sequence: () => undefined,
      extensions: () => [],
      schemas: () => ['public'],
      isExternal: () => false,
    };
    return {
      sets: [set],
      findings: [],
      placeOf(path, statement) {
        for (const migration of set.migrations) {
          for (const part of [...migration.up, ...migration.down]) {
            if (part.file === path && statement.start >= part.range.start && statement.end <= part.range.end) {
              return { set, migration, part, inTransaction: part.transaction === 'transaction' };
            }
          }
        }
        return undefined;
      },
      schemaOf: () => ({
        before: () => snapshot,
        after: () => snapshot,
        atEnd: () => snapshot,
        createdIn: (index, kind, name) => kind === 'table' && (history.createdTables?.[index] ?? []).map((n) => key(qualified(n))).includes(key(name)),
        resolve: (name) => ({ schema: name.schema ?? 'public', name: name.name }),
        // No identities: "new" is answered by name (createdIn).
        identify: () => undefined,
        identifyColumn: () => undefined,
        skipped: [],
      }),
    };
  };
}

async function findings(ruleId: string, history: FakeHistory): Promise<Array<LintMessage & { file: string }>> {
  // The engine itself, with a hand-made model instead of @migralint/migrations' one.
  const result = await runEngine({
    files: history.files.map((f) => ({ path: f.path, content: f.code })),
    config: { plugins: [concurrently], rules: { [ruleId]: 'error' } },
  }, { buildModel: fakeModel(history), sectionBreaks: () => [] });
  expect(result.notifications.filter((n) => n.level === 'error').map((n) => `${n.message}\n${n.detail}`)).toEqual([]);
  return result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === ruleId).map((m) => ({ ...m, file: f.path })));
}

describe('concurrently rules on the migration model', () => {
  it('no-concurrently-in-transaction names the layout\'s switch and the part\'s reason', async () => {
    const reason = 'dbmate wraps each migration in a transaction unless its section says transaction:false';
    const [finding, ...rest] = await findings('concurrently/no-concurrently-in-transaction', {
      layout: 'dbmate',
      files: [
        {
          path: 'db/migrations/20260101000000_idx.sql',
          code: '-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (c);\n\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n',
          parts: [
            { to: '-- migrate:down', transaction: 'transaction', reason },
            { from: '-- migrate:down', direction: 'down', transaction: 'none' },
          ],
        },
      ],
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ messageId: 'inRunnerTransaction', line: 2, column: 14, endLine: 2, endColumn: 26 });
    expect(finding!.message).toContain('`-- migrate:up transaction:false`');
    expect(finding!.note).toContain(reason);
  });

  it('a part the runner applies without a transaction is fine', async () => {
    expect(
      await findings('concurrently/no-concurrently-in-transaction', {
        layout: 'goose',
        files: [{ path: 'migrations/00001_idx.sql', code: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (c);\n', parts: [{ transaction: 'none' }] }],
      }),
    ).toEqual([]);
  });

  it('require-concurrent-index-creation in a wrapped goose part: no fix, the note gives goose\'s switch', async () => {
    const [finding] = await findings('concurrently/require-concurrent-index-creation', {
      layout: 'goose',
      files: [{ path: 'migrations/00002_idx.sql', code: '-- +goose Up\nCREATE INDEX i ON t (c);\n', parts: [{ transaction: 'transaction' }] }],
    });
    expect(finding).toMatchObject({ messageId: 'createIndexInTransaction', line: 2, column: 1, endColumn: 13 });
    expect(finding!.fix).toBeUndefined();
    expect(finding!.note).toContain('`-- +goose NO TRANSACTION`');
  });

  it('a table the model says this migration created is exempt without any CREATE TABLE in the file', async () => {
    expect(
      await findings('concurrently/require-concurrent-index-creation', {
        layout: 'sqitch',
        files: [{ path: 'deploy/orders.sql', code: 'CREATE INDEX orders_at_idx ON orders (created_at);', parts: [{ transaction: 'none' }] }],
        createdTables: { 0: ['orders'] },
      }),
    ).toEqual([]);
  });

  it('a partitioned table the model knows gets the per-partition recipe and no fix', async () => {
    const [finding] = await findings('concurrently/require-concurrent-index-creation', {
      layout: 'plain',
      files: [{ path: 'sql/002.sql', code: 'CREATE INDEX ON events (at);', parts: [{ transaction: 'none' }] }],
      tables: [{ name: 'events', kind: 'partitioned' }],
    });
    expect(finding).toMatchObject({ messageId: 'createIndexPartitioned' });
    expect(finding!.fix).toBeUndefined();
  });

  it('ON ONLY a table the model knows is plain still builds, and is reported', async () => {
    const [finding] = await findings('concurrently/require-concurrent-index-creation', {
      layout: 'plain',
      files: [{ path: 'sql/002.sql', code: 'CREATE INDEX ON ONLY users (email);', parts: [{ transaction: 'none' }] }],
      tables: [{ name: 'users', kind: 'table' }],
    });
    expect(finding).toMatchObject({ messageId: 'createIndex', fix: [{ range: [12, 12], text: ' CONCURRENTLY' }] });
  });

  it('require-concurrent-index-deletion finds the table of an index in the model', async () => {
    const history = (created: string[]): FakeHistory => ({
      layout: 'plain',
      files: [{ path: 'sql/003.sql', code: 'DROP INDEX orders_at_idx;', parts: [{ transaction: 'none' }] }],
      indexes: [{ name: 'orders_at_idx', table: 'orders' }],
      createdTables: { 0: created },
    });
    expect(await findings('concurrently/require-concurrent-index-deletion', history(['orders']))).toEqual([]);
    expect(await findings('concurrently/require-concurrent-index-deletion', history([]))).toMatchObject([{ messageId: 'dropIndex', column: 12, endColumn: 25 }]);
  });

  it('no-uncommitted-transaction looks at the part, not the file: the suggestion ends the up section', async () => {
    const code = '-- migrate:up transaction:false\nBEGIN;\nCREATE TABLE t (id bigint);\n\n-- migrate:down\nDROP TABLE t;\n';
    const [finding, ...rest] = await findings('concurrently/no-uncommitted-transaction', {
      layout: 'dbmate',
      files: [
        {
          path: 'db/migrations/20260101000000_t.sql',
          code,
          parts: [
            { to: '-- migrate:down', transaction: 'none' },
            { from: '-- migrate:down', direction: 'down', transaction: 'none' },
          ],
        },
      ],
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ messageId: 'uncommitted', line: 2, column: 1, endColumn: 6 });
    expect(finding!.suggestions).toEqual([{ desc: 'Add COMMIT after the last statement of the migration', fix: [{ range: [code.indexOf(';\n\n'), code.indexOf(';\n\n')], text: ';\nCOMMIT' }] }]);
  });

  it('a BEGIN the runner commits (its part is wrapped) is not uncommitted', async () => {
    expect(
      await findings('concurrently/no-uncommitted-transaction', {
        layout: 'flyway',
        files: [{ path: 'sql/V2__x.sql', code: 'COMMIT;\nCREATE INDEX CONCURRENTLY i ON t (c);\nBEGIN;\nSELECT 1;', parts: [{ transaction: 'transaction' }] }],
      }),
    ).toEqual([]);
  });

  it('transaction-nesting: BEGIN … COMMIT around a wrapped part is one finding, with the part\'s reason', async () => {
    const reason = 'golang-migrate sends the file as one multi-statement query: one implicit transaction';
    const found = await findings('concurrently/transaction-nesting', {
      layout: 'golang-migrate',
      files: [{ path: 'db/migrations/003_x.up.sql', code: 'BEGIN;\nALTER TABLE t ADD COLUMN c text;\nCOMMIT;\n', parts: [{ transaction: 'transaction', reason }] }],
    });
    expect(found).toMatchObject([{ messageId: 'beginInRunner', line: 1, column: 1, endColumn: 6 }]);
    expect(found[0]!.note).toContain(reason);
  });
});
