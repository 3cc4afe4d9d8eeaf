// Past GitHub's upload limits the log keeps the most severe results and says what it left out. The
// real limits (25,000 results, 10 MB gzip) are the defaults; the tests pass small ones so that a real
// lint() result of a few hundred findings crosses them.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { format, GITHUB_LIMITS, type SarifLog } from '@migralint/reporter-sarif';
import { lintDemo } from '../../../test/support/reporter-demo.js';
import { sarifErrors } from './sarif-schema.js';

const cwd = '/project';

/** 60 errors (DROP TABLE), 60 warnings (CREATE INDEX without IF NOT EXISTS) and 60 infos, interleaved. */
async function manyFindings() {
  const sql = Array.from({ length: 60 }, (_, i) => `CREATE TABLE t${i} (id int);\nCREATE INDEX i${i} ON t${i} (id);\nDROP TABLE t${i};\n`).join('');
  return lintDemo([{ path: '/project/migrations/001_many.sql', content: sql }]);
}

describe('GitHub upload limits', () => {
  it('are the documented ones by default', () => {
    expect(GITHUB_LIMITS).toEqual({ maxResults: 25_000, maxGzipBytes: 10 * 1024 * 1024 });
  });

  it('keep everything, with no notification, when within them', async () => {
    const log: SarifLog = JSON.parse(format(await manyFindings(), { cwd }));
    expect(log.runs[0].results).toHaveLength(180);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([]);
  });

  it('past the result limit, keep the most severe and say what was left out', async () => {
    const log: SarifLog = JSON.parse(format(await manyFindings(), { cwd }, { maxResults: 100, maxGzipBytes: GITHUB_LIMITS.maxGzipBytes }));
    const levels = log.runs[0].results.map((r) => r.level);
    expect(levels).toHaveLength(100);
    expect(levels.filter((l) => l === 'error')).toHaveLength(60);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(40);
    // Kept results stay in file order.
    const lines = log.runs[0].results.map((r) => r.locations[0].physicalLocation.region!.startLine);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: {
          text:
            'Left out 80 of 180 results (20 warnings, 60 notes): GitHub code scanning accepts at most 100 results per run and 10 MB per file (gzip-compressed). ' +
            'The most severe results were kept; run migralint with --format json or terminal to see every finding.',
        },
      },
    ]);
    expect(sarifErrors(log)).toEqual([]);
  });

  it('past the size limit, drop the least severe until the gzip-compressed file fits', async () => {
    const limit = 3_000;
    const text = format(await manyFindings(), { cwd }, { maxResults: GITHUB_LIMITS.maxResults, maxGzipBytes: limit });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    const log: SarifLog = JSON.parse(text);
    const kept = log.runs[0].results;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(180);
    // Severity order: no note is kept while a warning is dropped, no warning while an error is.
    const levels = new Set(kept.map((r) => r.level));
    if (levels.has('note')) expect(kept.filter((r) => r.level === 'warning')).toHaveLength(60);
    if (levels.has('warning')) expect(kept.filter((r) => r.level === 'error')).toHaveLength(60);
    const [notification] = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notification!.message.text).toMatch(new RegExp(`^Left out ${180 - kept.length} of 180 results .*3,000 bytes per file \\(gzip-compressed\\)`));
  });
});
