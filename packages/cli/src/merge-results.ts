// Files under different config files are linted in separate groups; the reporters want one result.
import type { LintResult } from '@migralint/core';

export function mergeResults(results: readonly LintResult[]): LintResult {
  if (results.length === 1) return results[0]!;
  const merged: LintResult = {
    files: [],
    rules: {},
    notifications: [],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    suppressedCount: 0,
    failed: false,
    stats: { files: 0, statements: 0, bytes: 0, durationMs: 0 },
  };
  for (const r of results) {
    merged.files.push(...r.files);
    for (const [id, meta] of Object.entries(r.rules)) {
      merged.rules[id] = { ...meta, enabled: meta.enabled || (merged.rules[id]?.enabled ?? false) };
    }
    merged.notifications.push(...r.notifications);
    merged.errorCount += r.errorCount;
    merged.warningCount += r.warningCount;
    merged.infoCount += r.infoCount;
    merged.suppressedCount += r.suppressedCount;
    merged.failed ||= r.failed;
    merged.stats.files += r.stats.files;
    merged.stats.statements += r.stats.statements;
    merged.stats.bytes += r.stats.bytes;
    merged.stats.durationMs += r.stats.durationMs;
  }
  merged.files.sort((a, b) => a.path.localeCompare(b.path));
  return merged;
}
