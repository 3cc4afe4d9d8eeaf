// The terminal's closing section for `migralint verify`: per history, where it ran, how long it took,
// what the round trips found (the schema differences in full: the findings carry them only as a
// note), and with `verbose` every migration's timings.

import { formatDifference } from './catalog-snapshot.js';
import type { VerifyReport } from './verify-project.js';

export interface SummaryOptions {
  verbose?: boolean;
  /** Show at most this many slow migrations (default 3). */
  slowest?: number;
}

export function formatVerifySummary(report: VerifyReport, options: SummaryOptions = {}): string {
  const lines: string[] = [];
  for (const set of report.sets) {
    const ran = set.migrations;
    const count = (test: (m: (typeof ran)[number]) => boolean) => ran.filter(test).length;
    const statements = set.statements.filter((s) => s.pass === 'up');
    const failed = set.statements.filter((s) => s.outcome === 'failed' && s.pass !== 'up-again').length;
    const rewrites = statements.filter((s) => s.rewrites?.length).length;
    const exclusive = statements.filter((s) => s.locks?.some((l) => l.mode === 'ACCESS EXCLUSIVE')).length;
    const scans = statements.filter((s) => s.scans?.length).length;
    lines.push(`verify: ${set.dir} (${set.layout}) on ${set.database}${set.setup.length > 0 ? `, setup: ${set.setup.join(', ')}` : ''}`);
    const roundTrips = count((m) => m.roundTrip !== 'no-down' && m.roundTrip !== 'not-checked');
    const trips =
      roundTrips > 0
        ? `; ${roundTrips} round trip${roundTrips === 1 ? '' : 's'} (up, down, up): ${count((m) => m.roundTrip === 'restored')} restored, ${count((m) => m.roundTrip === 'not-restored')} not restored, ${count((m) => m.roundTrip === 'not-rerunnable')} not re-runnable, ${count((m) => m.roundTrip === 'down-failed')} down failed`
        : '';
    lines.push(`  ${ran.length} migration${ran.length === 1 ? '' : 's'} in ${seconds(set.totalMs)} (database start and setup ${seconds(set.startMs)})${trips}`);
    // Counts of what was observed; findings are only where a lock lasts (a scan, a rewrite, more work after it).
    lines.push(
      `  ${failed} failed statement${failed === 1 ? '' : 's'}; on existing tables: ${rewrites} rewrite${rewrites === 1 ? '' : 's'}, ${scans} full scan${scans === 1 ? '' : 's'}, ${exclusive} ACCESS EXCLUSIVE lock${exclusive === 1 ? '' : 's'} (most of them instant)`,
    );
    const missed = set.crossChecks.filter((c) => c.verdict === 'missed-by-static-rules');
    if (missed.length > 0) lines.push(`  ${missed.length} rewrite${missed.length === 1 ? '' : 's'} no static rule predicted: ${missed.map((c) => `${c.file}:${c.line}`).join(', ')}`);
    const slow = [...ran].sort((a, b) => total(b) - total(a)).slice(0, options.slowest ?? 3).filter((m) => total(m) >= 50);
    if (slow.length > 0) lines.push(`  slowest: ${slow.map((m) => `${label(m)} ${seconds(total(m))}`).join(', ')}`);

    for (const m of ran) {
      if (m.roundTrip !== 'not-restored' || !m.differences?.length) continue;
      lines.push('', `  ${m.downFiles.join(', ') || label(m)} does not restore the schema (before the up −, after up and down +):`);
      for (const d of m.differences) lines.push(`    ${formatDifference(d)}`);
    }
    if (options.verbose) {
      lines.push('', '  migration timings (up / down / up again):');
      const width = Math.min(48, Math.max(...ran.map((m) => label(m).length), 0));
      for (const m of ran) {
        const parts = [ms(m.upMs), m.downMs !== undefined ? ms(m.downMs) : '-', m.upAgainMs !== undefined ? ms(m.upAgainMs) : '-'];
        lines.push(`    ${label(m).padEnd(width)}  ${parts.join(' / ')}  ${m.roundTrip}${m.failures > 0 ? `, ${m.failures} failed` : ''}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

function total(m: { upMs: number; downMs?: number; upAgainMs?: number; snapshotMs?: number }): number {
  return m.upMs + (m.downMs ?? 0) + (m.upAgainMs ?? 0) + (m.snapshotMs ?? 0);
}

function label(m: { version: string; name: string }): string {
  return m.name && m.name !== m.version ? `${m.version} ${m.name}` : m.version;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
