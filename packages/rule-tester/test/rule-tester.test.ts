// RuleTester end to end, through the real engine: run() registers passing cases with vitest, and
// cases() returns the same tests as functions, so the failing ones can be checked to fail.
import { describe, expect, it } from 'vitest';
import { corePlugin, type Plugin } from '@migralint/core';
import { pluginsWithRule, RuleTester, type RuleTests } from '../src/index.js';
import { breakingFix, duplicateCreate, preferIfExists, suggestIfExists } from './sample-rules.js';

const tester = new RuleTester();

tester.run('sample/prefer-if-exists', preferIfExists, {
  valid: ['DROP TABLE IF EXISTS a;', 'DROP VIEW v;', { code: 'DROP TABLE keep;', options: { skip: ['keep'] } }],
  invalid: [
    { code: 'DROP TABLE a;', errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13, data: { table: 'a' } }], output: 'DROP TABLE IF EXISTS a;' },
    { code: '-- é\r\nDROP TABLE a;\r\nDROP TABLE b', errors: [{ messageId: 'missing', line: 2 }, { messageId: 'missing', line: 3 }], output: '-- é\r\nDROP TABLE IF EXISTS a;\r\nDROP TABLE IF EXISTS b' },
  ],
  invalidOptions: [{ skip: 'a' }, { other: true }],
});

tester.run('sample/suggest-if-exists', suggestIfExists, {
  valid: [],
  invalid: [{ code: 'DROP TABLE a;', errors: [{ messageId: 'missing', suggestions: [{ desc: 'Add IF EXISTS', output: 'DROP TABLE IF EXISTS a;' }] }] }],
});

tester.run('sample/duplicate-create', duplicateCreate, {
  valid: [{ files: [{ path: '1_a.sql', code: 'CREATE TABLE a ();' }, { path: '2_b.sql', code: 'CREATE TABLE b ();' }] }],
  invalid: [
    {
      name: 'created again in a later file',
      files: [
        { path: '1_a.sql', code: 'CREATE TABLE a ();' },
        { path: '2_b.sql', code: 'SELECT 1;\nCREATE TABLE a ();' },
      ],
      errors: [{ file: '2_b.sql', messageId: 'again', line: 2, column: 14, endColumn: 15, data: { table: 'a', first: '1_a.sql' } }],
    },
  ],
});

/** Run the one generated case whose title starts with `prefix`. */
async function runCase(ruleId: string, rule: typeof preferIfExists, tests: RuleTests, prefix: string) {
  const found = new RuleTester().cases(ruleId, rule, tests).find((c) => c.title.startsWith(prefix));
  if (!found) throw new Error(`no case ${prefix}`);
  await found.run();
}

describe('RuleTester fails when it should', () => {
  const id = 'sample/prefer-if-exists';
  it('a valid case with a finding', async () => {
    await expect(runCase(id, preferIfExists, { valid: ['DROP TABLE a;'], invalid: [] }, 'valid #1')).rejects.toThrow(/Expected no finding/);
  });
  it('a valid case with broken SQL', async () => {
    await expect(runCase(id, preferIfExists, { valid: ['DROP TABLE IF EXISTS a; SELEC 1;'], invalid: [] }, 'valid #1')).rejects.toThrow(
      /does not parse[\s\S]*SELEC/,
    );
  });
  it('an invalid case with a wrong column', async () => {
    const tests = { valid: [], invalid: [{ code: 'DROP TABLE a;', errors: [{ messageId: 'missing', column: 2 }], output: 'DROP TABLE IF EXISTS a;' }] };
    await expect(runCase(id, preferIfExists, tests, 'invalid #1')).rejects.toThrow(/differs in column/);
  });
  it('an invalid case that forgets output', async () => {
    const tests = { valid: [], invalid: [{ code: 'DROP TABLE a;', errors: 1 }] };
    await expect(runCase(id, preferIfExists, tests, 'invalid #1')).rejects.toThrow(/state the fixed text as `output`/);
  });
  it('a fix that produces unparseable SQL', async () => {
    const tests = { valid: [], invalid: [{ code: 'DROP TABLE a;', errors: 1, output: 'DORP TABLE a;' }] };
    await expect(runCase('sample/breaking-fix', breakingFix, tests, 'invalid #1')).rejects.toThrow(/fix produced SQL that does not parse/);
  });
  it('options the schema rejects', async () => {
    const tests = { valid: [{ code: 'DROP TABLE IF EXISTS a;', options: { skip: 1 } }], invalid: [] };
    await expect(runCase(id, preferIfExists, tests, 'valid #1')).rejects.toThrow(/rejects the case's options/);
  });
  it('invalidOptions the schema accepts', async () => {
    await expect(runCase(id, preferIfExists, { valid: [], invalid: [], invalidOptions: [{ skip: [] }] }, 'invalid options')).rejects.toThrow(/accepts/);
  });
  it('a rule that throws', async () => {
    const throwing = { ...preferIfExists, create: () => ({ DropStmt: () => { throw new Error('boom'); } }) };
    await expect(runCase(id, throwing, { valid: ['DROP TABLE a;'], invalid: [] }, 'valid #1')).rejects.toThrow(/crashed[\s\S]*boom/);
  });
  it('a rule that reports an unknown messageId', async () => {
    const typo = { ...preferIfExists, create: (context: any) => ({ DropStmt: () => context.report({ messageId: 'mising' }) }) };
    await expect(runCase(id, typo, { valid: [], invalid: [{ code: 'DROP TABLE a;', errors: 1 }] }, 'invalid #1')).rejects.toThrow(
      /crashed[\s\S]*unknown messageId "mising"/,
    );
  });
  it('a valid project case that expects findings', async () => {
    const tests = { valid: [{ files: [{ path: 'a.sql', code: 'SELECT 1;' }], errors: 1 }], invalid: [] };
    await expect(runCase('sample/duplicate-create', duplicateCreate, tests, 'valid #1')).rejects.toThrow(/move it to `invalid`/);
  });
  it('a broken meta', async () => {
    const broken = { ...preferIfExists, meta: { ...preferIfExists.meta, docs: { description: '', url: '' } } };
    await expect(runCase(id, broken, { valid: [], invalid: [] }, 'meta')).rejects.toThrow(/docs\.description[\s\S]*docs\.url/);
  });
});

describe('cases()', () => {
  it('titles, only and skip', () => {
    const cases = new RuleTester().cases('sample/prefer-if-exists', preferIfExists, {
      valid: ['DROP\n  TABLE IF EXISTS a;', { code: 'SELECT 1;', name: 'named', only: true }],
      invalid: [{ code: 'DROP TABLE a;', errors: 1, skip: true }],
      invalidOptions: [{ skip: 1 }],
    });
    expect(cases.map((c) => [c.title, c.mode])).toEqual([
      ['meta', 'run'],
      ['valid #1: DROP TABLE IF EXISTS a;', 'run'],
      ['valid #2: named', 'only'],
      ['invalid #1: DROP TABLE a;', 'skip'],
      ['invalid options: {"skip":1}', 'run'],
    ]);
  });
});

describe('pluginsWithRule', () => {
  const other: Plugin = { name: 'sample', rules: { 'duplicate-create': duplicateCreate } };
  it('adds the rule to its own pack, or as a new pack', () => {
    const merged = pluginsWithRule('sample/prefer-if-exists', preferIfExists, [other]);
    expect(merged).toHaveLength(1);
    expect(Object.keys(merged[0]!.rules)).toEqual(['duplicate-create', 'prefer-if-exists']);
    expect(pluginsWithRule('new/prefer-if-exists', preferIfExists, [other]).map((p) => p.name)).toEqual(['sample', 'new']);
  });
  it('refuses to replace an engine rule', () => {
    expect(() => pluginsWithRule('migralint/parse-error', preferIfExists, [])).toThrow(/belongs to the engine/);
    expect(pluginsWithRule('migralint/parse-error', corePlugin.rules['parse-error']!, [])).toEqual([]);
  });
});
