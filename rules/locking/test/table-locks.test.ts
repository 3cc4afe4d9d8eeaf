// The lock table every locking rule stands on: which relations a statement locks, in which mode.
import { describe, expect, it } from 'vitest';
import { defineRule, definePlugin } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { describeTarget, isOptionOn, locksTakenBy } from '../src/table-locks.js';

const probe = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Report the locks each statement takes.', url: 'https://example.com/probe' },
    defaultSeverity: 'info',
    recommended: false,
    messages: { locks: '{{locks}}' },
  },
  create(context) {
    return {
      Statement(_node, statement) {
        const locks = locksTakenBy(context, statement).map((l) => `${describeTarget(l.target)}: ${l.mode}`);
        context.report({ messageId: 'locks', data: { locks: locks.join(' | ') || '-' } });
      },
    };
  },
});

async function locksOf(sql: string, postgresVersion = 17): Promise<string[]> {
  const result = await lint({
    files: [{ path: 'locks.sql', content: sql }],
    config: { plugins: [definePlugin({ name: 'probe', rules: { locks: probe } })], rules: { 'probe/locks': 'info' }, settings: { postgresVersion } },
  });
  expect(result.notifications).toEqual([]);
  return result.files[0]!.messages.filter((m) => m.ruleId === 'probe/locks').map((m) => m.message);
}

describe('locksTakenBy', () => {
  it('ALTER TABLE: the strongest mode of its subcommands, plus referenced and attached tables', async () => {
    expect(
      await locksOf(
        'ALTER TABLE t ADD COLUMN a int;\n' +
          'ALTER TABLE t VALIDATE CONSTRAINT c, SET (fillfactor = 70);\n' +
          'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES s.u (id) NOT VALID;\n' +
          'ALTER TABLE t DISABLE TRIGGER ALL;\n' +
          'ALTER TABLE t ALTER COLUMN a SET STATISTICS 100, ALTER COLUMN a SET NOT NULL;\n' +
          'ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);\n' +
          'ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;\n' +
          'ALTER TABLE p DETACH PARTITION p1;\n' +
          'ALTER MATERIALIZED VIEW m SET SCHEMA s;',
      ),
    ).toEqual([
      'table "t": ACCESS EXCLUSIVE',
      'table "t": SHARE UPDATE EXCLUSIVE',
      'table "t": SHARE ROW EXCLUSIVE | table "s.u": SHARE ROW EXCLUSIVE',
      'table "t": SHARE ROW EXCLUSIVE',
      'table "t": ACCESS EXCLUSIVE',
      'table "p": SHARE UPDATE EXCLUSIVE | table "p1": ACCESS EXCLUSIVE',
      'table "p": SHARE UPDATE EXCLUSIVE',
      'table "p": ACCESS EXCLUSIVE',
      'view "m": ACCESS EXCLUSIVE',
    ]);
  });

  it('indexes, drops, renames', async () => {
    expect(
      await locksOf(
        'CREATE INDEX i ON t (a);\nCREATE INDEX CONCURRENTLY j ON t (a);\nDROP INDEX i, s.j;\nDROP INDEX CONCURRENTLY k;\n' +
          'DROP TABLE a, b;\nDROP TRIGGER tr ON s.t;\nDROP POLICY p ON t;\nALTER TABLE t RENAME COLUMN a TO b;\nALTER INDEX i RENAME TO i2;\n' +
          'REINDEX TABLE t;\nREINDEX INDEX CONCURRENTLY i;\nREINDEX SCHEMA app;',
      ),
    ).toEqual([
      'table "t": SHARE',
      '-',
      'index "i" (and its table): ACCESS EXCLUSIVE | index "s.j" (and its table): ACCESS EXCLUSIVE',
      '-',
      'table "a": ACCESS EXCLUSIVE | table "b": ACCESS EXCLUSIVE',
      'table "s.t": ACCESS EXCLUSIVE',
      'table "t": ACCESS EXCLUSIVE',
      'table "t": ACCESS EXCLUSIVE',
      '-',
      'table "t": SHARE',
      '-',
      'every table of schema "app": SHARE',
    ]);
  });

  it('CREATE TABLE locks a parent and referenced tables; the rest', async () => {
    expect(
      await locksOf(
        'CREATE TABLE c (id int, p_id int REFERENCES p (id), FOREIGN KEY (id) REFERENCES q (id));\n' +
          'CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);\n' +
          'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n' +
          'CREATE POLICY p ON t USING (true);\nTRUNCATE a;\nLOCK TABLE a IN ROW EXCLUSIVE MODE;\nLOCK a;\n' +
          'VACUUM FULL a;\nVACUUM (FULL false) a;\nVACUUM;\nCLUSTER a;\nREFRESH MATERIALIZED VIEW m;\nREFRESH MATERIALIZED VIEW CONCURRENTLY m;\n' +
          "COMMENT ON TABLE a IS 'x';\nSELECT 1;",
      ),
    ).toEqual([
      'table "p": SHARE ROW EXCLUSIVE | table "q": SHARE ROW EXCLUSIVE',
      'table "m": ACCESS EXCLUSIVE',
      'table "t": SHARE ROW EXCLUSIVE',
      'table "t": ACCESS EXCLUSIVE',
      'table "a": ACCESS EXCLUSIVE',
      'table "a": ROW EXCLUSIVE',
      'table "a": ACCESS EXCLUSIVE',
      'table "a": ACCESS EXCLUSIVE',
      '-',
      '-',
      'table "a": ACCESS EXCLUSIVE',
      'view "m": ACCESS EXCLUSIVE',
      '-',
      '-',
      '-',
    ]);
  });

  it('ALTER DOMAIN locks the tables using the domain; VALIDATE only before Postgres 19', async () => {
    const sql = 'ALTER DOMAIN d ADD CONSTRAINT c CHECK (value > 0);\nALTER DOMAIN d ADD CONSTRAINT c CHECK (value > 0) NOT VALID;\nALTER DOMAIN d VALIDATE CONSTRAINT c;';
    expect(await locksOf(sql, 18)).toEqual(['the tables using domain "d": SHARE', '-', 'the tables using domain "d": SHARE']);
    expect(await locksOf(sql, 19)).toEqual(['the tables using domain "d": SHARE', '-', '-']);
  });
});

describe('isOptionOn', () => {
  const option = (arg?: unknown) => [{ DefElem: { defname: 'full', ...(arg === undefined ? {} : { arg }) } }];
  it('reads FULL, (FULL), (FULL true/false/on/off/1/0)', () => {
    expect(isOptionOn(option(), 'full')).toBe(true);
    expect(isOptionOn(option({ String: { sval: 'true' } }), 'full')).toBe(true);
    expect(isOptionOn(option({ Integer: { ival: 1 } }), 'full')).toBe(true);
    expect(isOptionOn(option({ String: { sval: 'false' } }), 'full')).toBe(false);
    expect(isOptionOn(option({ String: { sval: 'off' } }), 'full')).toBe(false);
    expect(isOptionOn(option({ Integer: {} }), 'full')).toBe(false);
    expect(isOptionOn([], 'full')).toBe(false);
  });
});
