// DESIGN.md §10: 0 clean (or warnings within --max-warnings), 1 errors or too many warnings,
// 2 usage, config, unreadable input or internal error.
import type { LintResult } from '@migralint/core';

/** How every closing line of an incomplete run ends. */
export const INCOMPLETE = ': the run is incomplete (exit 2)';

export function exitCodeFor(result: LintResult, maxWarnings: number | undefined): { code: 0 | 1 | 2; reason?: string } {
  if (result.failed) {
    const internal = result.notifications.filter((n) => n.level === 'error').length;
    const unreadable = result.files.filter((f) => f.unreadable).length;
    const parts = [internal ? `${internal} internal error${internal > 1 ? 's' : ''}` : '', unreadable ? `${unreadable} unreadable file${unreadable > 1 ? 's' : ''}` : ''].filter(Boolean);
    return { code: 2, reason: `${parts.join(' and ')}${INCOMPLETE}` };
  }
  if (result.errorCount > 0) return { code: 1 };
  if (maxWarnings !== undefined && result.warningCount > maxWarnings) {
    return { code: 1, reason: `${result.warningCount} warnings is more than --max-warnings ${maxWarnings}` };
  }
  return { code: 0 };
}
