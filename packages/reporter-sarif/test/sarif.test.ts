import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, format, sarifVersion, toSarifLog, type SarifLog, type SarifResult } from '@migralint/reporter-sarif';
import type { FileResult, LintResult } from '@migralint/core';
import { CLEANUP_PATH, cleanupMigration, INIT_PATH, lintDemo, lintRealistic } from '../../../test/support/reporter-demo.js';
import { sarifErrors } from './sarif-schema.js';

const cwd = '/project';
const CLEANUP = CLEANUP_PATH;
const INIT = INIT_PATH;
const realisticResult = lintRealistic;

function parse(result: LintResult, options: Parameters<typeof format>[1] = { cwd }): SarifLog {
  const text = format(result, options);
  expect(text.endsWith('}\n')).toBe(true);
  return JSON.parse(text) as SarifLog;
}

function resultsOf(log: SarifLog, ruleId: string): SarifResult[] {
  return log.runs[0].results.filter((result) => result.ruleId === ruleId);
}

describe('SARIF from a real lint() result', () => {
  it('is valid against the OASIS SARIF 2.1.0 schema', async () => {
    const log = parse(await realisticResult());
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe(sarifVersion);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
  });

  it('rejects a broken log, so the schema test can fail', async () => {
    const log = parse(await realisticResult()) as any;
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'has space.sql';
    delete log.runs[0].tool.driver.name;
    const errors = sarifErrors(log);
    expect(errors).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level must be equal to one of the allowed values',
        '/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1',
        '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference"',
        "/runs/0/tool/driver must have required property 'name'",
      ]),
    );
  });

  it('describes the tool and every enabled rule, and only those', async () => {
    const result = await realisticResult();
    const { driver } = parse(result).runs[0].tool;
    expect(driver).toMatchObject({ name: 'migralint', informationUri: 'https://github.com/migralint/migralint' });
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = driver.rules.map((rule) => rule.id);
    const enabled = Object.values(result.rules).filter((rule) => rule.enabled).map((rule) => rule.id);
    expect(ids).toEqual([...enabled].sort());
    expect(ids).toContain('demo/no-drop-column');
    expect(ids).not.toContain('demo/unused');

    const rule = driver.rules.find((descriptor) => descriptor.id === 'demo/no-drop-column')!;
    expect(rule).toMatchObject({
      name: 'NoDropColumn',
      shortDescription: { text: 'Disallow dropping a column.' },
      fullDescription: {
        text: 'Disallow dropping a column. Application code still running against the old schema breaks as soon as the column is gone.',
      },
      helpUri: 'https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['migration', 'postgresql', 'demo'], precision: 'very-high', 'problem.severity': 'error' },
    });
    expect(rule.help.text).toContain('Application code still running');
    expect(rule.help.markdown).toContain('[demo/no-drop-column](https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md)');

    const info = driver.rules.find((descriptor) => descriptor.id === 'demo/table-created')!;
    expect(info.defaultConfiguration.level).toBe('note');
    expect(info.properties['problem.severity']).toBe('recommendation');
  });

  it('points every result at its rule, file and UTF-16 region', async () => {
    const result = await realisticResult();
    const run = parse(result).runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///project/');
    for (const sarif of run.results) {
      expect(run.tool.driver.rules[sarif.ruleIndex].id).toBe(sarif.ruleId);
    }

    const [drop] = resultsOf({ runs: [run] } as SarifLog, 'demo/no-drop-column');
    expect(drop).toMatchObject({
      level: 'error',
      message: {
        text: 'Dropping column "legacy_flag" breaks code that still reads it\n\nSafe way: stop reading the column in a release, then drop it in a later migration.',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'supabase/migrations/20260219120000_cleanup.sql', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 42 },
          },
        },
      ],
    });
    expect(resultsOf({ runs: [run] } as SarifLog, 'demo/require-if-not-exists')[0].level).toBe('warning');

    // "ünïcode_😀" is 10 UTF-16 code units (the emoji is a surrogate pair), starting at column 14.
    const [created] = resultsOf({ runs: [run] } as SarifLog, 'demo/table-created');
    expect(created.level).toBe('note');
    expect(created.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 14, endLine: 1, endColumn: 24 });
    const message = result.files.find((file) => file.path === INIT)!.messages.find((m) => m.ruleId === 'demo/table-created')!;
    expect(created.locations[0].physicalLocation.region).toEqual({
      startLine: message.line,
      startColumn: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
    });
  });

  it('keeps suppressed findings, marked as suppressed in source with the reason', async () => {
    const [dropped] = resultsOf(parse(await realisticResult()), 'demo/no-drop-table');
    expect(dropped.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'replaced by accounts_v2, see OPS-42',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'supabase/migrations/20260101000000_init.sql', uriBaseId: '%SRCROOT%' },
            region: { startLine: 2 },
          },
        },
      },
    ]);
  });

  it('reports a rule that threw as a failed invocation with a tool notification', async () => {
    const run = parse(await realisticResult()).runs[0];
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    const [notification] = invocation.toolExecutionNotifications;
    expect(notification.level).toBe('error');
    expect(notification.message.text).toContain('boom');
    expect(notification.associatedRule).toEqual({
      id: 'demo/crashes-on-truncate',
      index: run.tool.driver.rules.findIndex((rule) => rule.id === 'demo/crashes-on-truncate'),
    });
    expect(notification.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'supabase/migrations/20260101000000_init.sql', uriBaseId: '%SRCROOT%' } } },
    ]);
    expect(notification.properties).toBeUndefined();

    const verbose = parse(await realisticResult(), { cwd, verbose: true }).runs[0];
    expect(verbose.invocations[0].toolExecutionNotifications[0].properties?.detail).toContain('Error: boom');
  });

  it('marks a clean run as successful', async () => {
    const log = parse(await lintDemo([{ path: '/project/a.sql', content: 'SELECT 1;\n' }]));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(sarifErrors(log)).toEqual([]);
  });

  it('writes only error results with quiet', async () => {
    const log = parse(await realisticResult(), { cwd, quiet: true });
    expect(new Set(log.runs[0].results.map((result) => result.level))).toEqual(new Set(['error']));
    expect(resultsOf(log, 'demo/no-drop-column')).toHaveLength(1);
    expect(sarifErrors(log)).toEqual([]);
  });
});

describe('partialFingerprints', () => {
  const fingerprintsOf = (log: SarifLog) => log.runs[0].results.map((result) => `${result.ruleId} ${result.partialFingerprints[FINGERPRINT_KEY]}`);

  it('are the same across runs and when lines are added above the finding', async () => {
    const before = parse(await lintDemo([{ path: CLEANUP, content: cleanupMigration }]));
    const again = parse(await lintDemo([{ path: CLEANUP, content: cleanupMigration }]));
    const shifted = parse(
      await lintDemo([{ path: CLEANUP, content: `-- reviewed by the DBA\n\nSET lock_timeout = '5s';\n${cleanupMigration.replace('ALTER TABLE users', 'alter   table users')}` }]),
    );
    expect(fingerprintsOf(again)).toEqual(fingerprintsOf(before));
    expect(resultsOf(shifted, 'demo/no-drop-column')[0].locations[0].physicalLocation.region?.startLine).toBe(6);
    expect(fingerprintsOf(shifted)).toEqual(fingerprintsOf(before));
    for (const fingerprint of fingerprintsOf(before)) expect(fingerprint).toMatch(/ [0-9a-f]{32}:1$/);
  });

  it('tell two identical statements apart, and change with the file or the rule', async () => {
    const twice = 'ALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN a;\n';
    const log = parse(await lintDemo([{ path: '/project/a.sql', content: twice }, { path: '/project/b.sql', content: twice }]));
    const values = log.runs[0].results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(values).toHaveLength(4);
    expect(new Set(values).size).toBe(4);
    expect(values[0].split(':')[0]).toBe(values[1].split(':')[0]);
    expect(values.map((value) => value.split(':')[1])).toEqual(['1', '2', '1', '2']);
  });
});

describe('artifact locations', () => {
  it('percent-encode relative paths and give files outside the cwd an absolute file URI', async () => {
    const result = await lintDemo([
      { path: '/project/migrations/ä b#1.sql', content: 'DROP TABLE t;\n' },
      { path: '/elsewhere/x.sql', content: 'DROP TABLE t;\n' },
    ]);
    const log = parse(result);
    const locations = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(locations).toEqual([{ uri: 'migrations/%C3%A4%20b%231.sql', uriBaseId: '%SRCROOT%' }, { uri: 'file:///elsewhere/x.sql' }]);
    expect(sarifErrors(log)).toEqual([]);
  });

  it('resolve relative input paths against the cwd', async () => {
    const log = parse(await lintDemo([{ path: 'db/001_init.sql', content: 'DROP TABLE t;\n' }]), { cwd: process.cwd() });
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'db/001_init.sql', uriBaseId: '%SRCROOT%' });
  });
});

describe('edge cases lint() does not easily produce', () => {
  function handBuilt(files: FileResult[], rules: LintResult['rules'] = {}): LintResult {
    return {
      files,
      rules,
      notifications: [{ level: 'warning', message: 'Config option x is deprecated' }],
      errorCount: 0,
      warningCount: 1,
      infoCount: 0,
      suppressedCount: 1,
      failed: false,
      stats: { files: files.length, statements: 1, bytes: 10, durationMs: 1 },
    };
  }
  const fileResult = (messages: FileResult['messages'], value: string): FileResult => ({
    path: '/project/a.sql',
    file: { value, messages: [] } as unknown as FileResult['file'],
    messages,
    errorCount: 0,
    warningCount: 1,
    infoCount: 0,
    suppressedCount: 1,
    unreadable: false,
  });

  it('describes a rule missing from the catalog, marks baseline suppressions external, hashes empty ranges', () => {
    const log = toSarifLog(
      handBuilt([
        fileResult(
          [
            { ruleId: 'acme/legacy', severity: 'warning', message: 'Old thing', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 },
            {
              ruleId: 'acme/legacy',
              severity: 'warning',
              message: 'Old thing',
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 7,
              offset: 0,
              endOffset: 6,
              suppressed: { kind: 'baseline' },
            },
          ],
          'SELECT 1;',
        ),
      ]),
      { cwd },
    );
    expect(sarifErrors(log)).toEqual([]);
    const [rule] = log.runs[0].tool.driver.rules;
    expect(rule).toMatchObject({ id: 'acme/legacy', name: 'Legacy', shortDescription: { text: 'Finding of the rule acme/legacy.' } });
    const [empty, baselined] = log.runs[0].results;
    expect(empty.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(baselined.suppressions).toEqual([{ kind: 'external', status: 'accepted' }]);
    expect(log.runs[0].invocations[0]).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [{ level: 'warning', message: { text: 'Config option x is deprecated' } }],
    });
  });
});
