// GitHub code scanning rejects an upload past its limits (25,000 results per run; 10 MB per file,
// measured gzip-compressed as upload-sarif sends it). Rather than a log GitHub refuses whole, the
// reporter keeps the most severe results and says in a tool notification what it left out.
// https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#validating-your-sarif-file

import { gzipSync } from 'node:zlib';
import type { SarifLevel, SarifLog, SarifResult } from './sarif-log.js';

export interface UploadLimits {
  maxResults: number;
  /** Bytes of the gzip-compressed file. */
  maxGzipBytes: number;
}

export const GITHUB_LIMITS: UploadLimits = { maxResults: 25_000, maxGzipBytes: 10 * 1024 * 1024 };

const rank: Record<SarifLevel, number> = { error: 0, warning: 1, note: 2 };

/** Most severe first: errors, warnings, notes; a suppressed result after every open one. */
function severityRank(result: SarifResult): number {
  return rank[result.level] + (result.suppressions ? 3 : 0);
}

/** The text of `log` as written, within `limits`; `log` is changed in place when results are dropped. */
export function serialiseWithinLimits(log: SarifLog, limits: UploadLimits): string {
  const run = log.runs[0];
  const all = run.results;
  const notifications = run.invocations[0].toolExecutionNotifications;
  // Stable: equal ranks keep their file order.
  const bySeverity = all.map((result, index) => ({ result, index })).sort((a, b) => severityRank(a.result) - severityRank(b.result) || a.index - b.index);
  const render = (keep: number): string => {
    if (keep < all.length) {
      const kept = new Set(bySeverity.slice(0, keep).map((entry) => entry.result));
      // The kept results are written in their original (file) order.
      run.results = all.filter((result) => kept.has(result));
      run.invocations[0].toolExecutionNotifications = [
        ...notifications,
        { level: 'warning', message: { text: leftOutText(all.length, all.filter((result) => !kept.has(result)), limits) } },
      ];
    }
    return `${JSON.stringify(log, null, 2)}\n`;
  };
  let keep = Math.min(all.length, limits.maxResults);
  let text = render(keep);
  // Only a file over the limit uncompressed can be over it compressed, so most runs never gzip.
  while (keep > 0 && Buffer.byteLength(text) > limits.maxGzipBytes) {
    const gzipped = gzipSync(text).length;
    if (gzipped <= limits.maxGzipBytes) break;
    // Shrink in proportion, with a margin, so a huge log converges in a few passes.
    keep = Math.max(0, Math.min(keep - 1, Math.floor((keep * limits.maxGzipBytes * 0.9) / gzipped)));
    text = render(keep);
  }
  return text;
}

function leftOutText(total: number, left: SarifResult[], limits: UploadLimits): string {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const result of left) counts[result.level]++;
  const parts = (Object.keys(counts) as SarifLevel[]).filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${level}${counts[level] > 1 ? 's' : ''}`);
  return (
    `Left out ${left.length} of ${total} results (${parts.join(', ')}): GitHub code scanning accepts at most ` +
    `${limits.maxResults.toLocaleString('en-US')} results per run and ${formatBytes(limits.maxGzipBytes)} per file (gzip-compressed). ` +
    'The most severe results were kept; run migralint with --format json or terminal to see every finding.'
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}
