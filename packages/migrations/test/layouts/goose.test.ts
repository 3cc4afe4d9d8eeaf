import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, partStatements, project } from './layout-helpers.js';

describe('goose layout', () => {
  it('splits -- +goose Up / Down sections, case-insensitively, in numeric version order', async () => {
    const p = await fixture('goose');
    const a = analyze(p);
    expect(a.sets[0]).toMatchObject({ layout: 'goose', dir: 'migrations', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 00001 create_tasks up:[00001_create_tasks.sql] down:[00001_create_tasks.sql]',
      '1 00002 index_task_titles up:[00002_index_task_titles.sql] down:[00002_index_task_titles.sql]',
      '2 00003 add_task_priority up:[00003_add_task_priority.sql] down:[]',
    ]);
    const [tasks] = a.sets[0]!.migrations;
    // StatementBegin/End change how goose splits, not where the statements are.
    expect(partStatements(p, tasks!.up[0]!)).toEqual(['CREATE TABLE tasks (', 'CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$']);
    expect(partStatements(p, tasks!.down[0]!)).toEqual(['DROP FUNCTION touch_updated_at()', 'DROP TABLE tasks']);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs in a transaction unless the file says NO TRANSACTION (both directions)', async () => {
    const p = await fixture('goose');
    const m = model(p);
    const [tasks, index] = m.sets[0]!.migrations;
    expect(tasks!.up[0]!.transaction).toBe('transaction');
    expect(index!.up[0]!.transaction).toBe('none');
    expect(index!.down[0]!.transaction).toBe('none');
    const file = p.files.find((f) => f.path === index!.up[0]!.file)!;
    expect(m.placeOf(file.path, file.statements[0]!)?.inTransaction).toBe(false);
  });

  it('reports files goose refuses and duplicate versions', async () => {
    const p = await project({
      'g/001_a.sql': '-- +goose Up\nSELECT 1;\n',
      'g/1_b.sql': '-- +goose Up\nSELECT 1;\n',
      'g/002_no_up.sql': 'SELECT 1;\n',
      'g/003_down_first.sql': '-- +goose Down\nSELECT 1;\n-- +goose Up\nSELECT 2;\n',
      'g/004_open.sql': '-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n',
      'g/seed.sql': '-- +goose Up\nSELECT 1;\n',
    });
    expect(findingLines(analyze(p))).toEqual([
      'invalid-migration gooseNoUp 002_no_up.sql',
      'invalid-migration gooseDownBeforeUp 003_down_first.sql',
      'invalid-migration gooseUnbalanced 004_open.sql',
      'invalid-migration gooseName seed.sql',
      'duplicate-version duplicate 1_b.sql',
    ]);
  });
});
