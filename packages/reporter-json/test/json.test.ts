import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { format, JSON_REPORT_VERSION, jsonSchema, toJsonReport, type JsonReport } from '@migralint/reporter-json';
import type { LintResult } from '@migralint/core';
import { CLEANUP_PATH, INIT_PATH, lintDemo, lintRealistic } from '../../../test/support/reporter-demo.js';

const cwd = '/project';
// strict: unknown keywords, ignored defaults, tuples without bounds etc. are schema errors here.
const validate = new Ajv({ strict: true, allErrors: true }).compile(jsonSchema);
const schemaErrors = (report: unknown) => (validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

function parse(result: LintResult, options: Parameters<typeof format>[1] = { cwd }): JsonReport {
  const text = format(result, options);
  expect(text.endsWith('}\n')).toBe(true);
  return JSON.parse(text) as JsonReport;
}

describe('JSON report from a real lint() result', () => {
  it('validates against the published schema', async () => {
    const report = parse(await lintRealistic());
    expect(schemaErrors(report)).toEqual([]);
    expect(schemaErrors(parse(await lintRealistic(), { cwd, verbose: true, quiet: true }))).toEqual([]);
    expect(schemaErrors(parse(await lintDemo([{ path: '/project/clean.sql', content: 'SELECT 1;' }])))).toEqual([]);
  });

  it('rejects a broken report, so the schema test can fail', async () => {
    const report = parse(await lintRealistic()) as any;
    report.version = 2;
    report.files[0].messages[0].severity = 'fatal';
    report.files[0].messages[0].column = 0;
    report.files[0].messages[0].extra = true;
    delete report.stats;
    expect(schemaErrors(report)).toEqual(
      expect.arrayContaining([
        '/version must be equal to constant',
        '/files/0/messages/0/severity must be equal to one of the allowed values',
        '/files/0/messages/0/column must be >= 1',
        '/files/0/messages/0 must NOT have additional properties',
        " must have required property 'stats'",
      ]),
    );
  });

  it('ships the schema file the package exports', () => {
    const file = JSON.parse(readFileSync(new URL('../schema/migralint-report.schema.json', import.meta.url), 'utf8'));
    expect(jsonSchema).toEqual(file);
    expect(jsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('carries tool, counts, stats and run status', async () => {
    const result = await lintRealistic();
    const report = parse(result);
    expect(report.version).toBe(JSON_REPORT_VERSION);
    expect(report.tool.name).toBe('migralint');
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1, suppressedCount: 1, failed: true });
    expect(report.stats).toMatchObject({ files: 2, statements: result.stats.statements });
    expect(Number.isInteger(report.stats.durationMs)).toBe(true);
  });

  it('lists files with cwd-relative POSIX paths and every finding with positions, fixes and suggestions', async () => {
    const report = parse(await lintRealistic());
    expect(report.files.map((file) => file.path)).toEqual([
      'supabase/migrations/20260219120000_cleanup.sql',
      'supabase/migrations/20260101000000_init.sql',
    ]);
    const [cleanup, init] = report.files;
    expect(cleanup).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 0, suppressedCount: 0, unreadable: false });
    expect(cleanup.messages[0]).toEqual({
      ruleId: 'demo/no-drop-column',
      messageId: 'dropColumn',
      severity: 'error',
      message: 'Dropping column "legacy_flag" breaks code that still reads it',
      note: 'Safe way: stop reading the column in a release, then drop it in a later migration.',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 42,
      offset: 48,
      endOffset: 89,
      url: 'https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md',
    });
    const index = cleanup.messages[1];
    expect(index).toMatchObject({ ruleId: 'demo/require-if-not-exists', severity: 'warning' });
    expect(index.fix).toEqual([{ range: [103, 103], text: ' IF NOT EXISTS' }]);
    expect(index.suggestions).toEqual([{ desc: 'Insert IF NOT EXISTS', fix: [{ range: [103, 103], text: ' IF NOT EXISTS' }] }]);

    // Columns and offsets in UTF-16 code units: the emoji counts 2.
    expect(init.messages[0]).toMatchObject({ ruleId: 'demo/table-created', severity: 'info', column: 14, endColumn: 24, offset: 13, endOffset: 23 });
    expect(init.messages[1]).toMatchObject({
      ruleId: 'demo/no-drop-table',
      suppressed: { kind: 'directive', reason: 'replaced by accounts_v2, see OPS-42', line: 2 },
    });
  });

  it('describes every known rule, enabled or not', async () => {
    const report = parse(await lintRealistic());
    expect(report.rules['demo/no-drop-column']).toEqual({
      description: 'Disallow dropping a column.',
      url: 'https://github.com/migralint/migralint/blob/main/docs/rules/demo/no-drop-column.md',
      why: 'Application code still running against the old schema breaks as soon as the column is gone.',
      type: 'problem',
      defaultSeverity: 'error',
      recommended: true,
      fixable: false,
      hasSuggestions: false,
      enabled: true,
    });
    expect(report.rules['demo/require-if-not-exists']).toMatchObject({ fixable: true, hasSuggestions: true, defaultSeverity: 'warning' });
    expect(report.rules['demo/unused'].enabled).toBe(false);
    expect(Object.keys(report.rules)).toEqual(Object.keys(report.rules).sort());
  });

  it('lists run problems, with their detail only when verbose', async () => {
    const [plain] = parse(await lintRealistic()).notifications;
    expect(plain).toMatchObject({ level: 'error', ruleId: 'demo/crashes-on-truncate', file: 'supabase/migrations/20260101000000_init.sql' });
    expect(plain.message).toContain('boom');
    expect(plain.detail).toBeUndefined();
    const [verbose] = parse(await lintRealistic(), { cwd, verbose: true }).notifications;
    expect(verbose.detail).toContain('Error: boom');
  });

  it('lists only errors with quiet, keeping the counts of the whole run', async () => {
    const report = parse(await lintRealistic(), { cwd, quiet: true });
    expect(report.files.flatMap((file) => file.messages.map((message) => message.severity))).toEqual(['error', 'error']);
    expect(report).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1 });
  });

  it('is byte-for-byte stable apart from the duration', async () => {
    const strip = (report: JsonReport) => ({ ...report, stats: { ...report.stats, durationMs: 0 } });
    expect(strip(toJsonReport(await lintRealistic(), { cwd }))).toEqual(strip(toJsonReport(await lintRealistic(), { cwd })));
  });
});

describe('edge cases', () => {
  it('keeps paths outside the cwd relative with ../ and uses / on every OS', async () => {
    const report = parse(await lintDemo([{ path: CLEANUP_PATH, content: 'SELECT 1;' }, { path: INIT_PATH, content: 'SELECT 1;' }]), {
      cwd: '/project/supabase/functions',
    });
    expect(report.files.map((file) => file.path)).toEqual([
      '../migrations/20260219120000_cleanup.sql',
      '../migrations/20260101000000_init.sql',
    ]);
  });

  it('flags an unreadable file', async () => {
    const report = parse(await lintDemo([{ path: '/project/blob.sql', content: new Uint8Array([0, 159, 146, 150]) }]));
    expect(report.files[0]).toMatchObject({ unreadable: true, errorCount: 1 });
    expect(report.files[0].messages[0].ruleId).toBe('migralint/unreadable-file');
    expect(report.failed).toBe(true);
    expect(schemaErrors(report)).toEqual([]);
  });

  it('copies baseline suppressions without optional fields it does not have', () => {
    const result: LintResult = {
      files: [
        {
          path: '/project/a.sql',
          file: {} as LintResult['files'][number]['file'],
          messages: [
            { ruleId: 'acme/x', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1, suppressed: { kind: 'baseline' } },
          ],
          errorCount: 0,
          warningCount: 0,
          infoCount: 0,
          suppressedCount: 1,
          unreadable: false,
        },
      ],
      rules: {},
      notifications: [{ level: 'note', message: 'cache was rebuilt' }],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      suppressedCount: 1,
      failed: false,
      stats: { files: 1, statements: 1, bytes: 1, durationMs: 0.4 },
    };
    const report = parse(result);
    expect(report.files[0].messages[0]).toEqual({ ruleId: 'acme/x', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1, suppressed: { kind: 'baseline' } });
    expect(report.notifications).toEqual([{ level: 'note', message: 'cache was rebuilt' }]);
    expect(schemaErrors(report)).toEqual([]);
  });
});
