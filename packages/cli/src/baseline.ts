// The baseline: adopting migralint on a history that already has findings, without backfilling old
// migrations. `migralint baseline` records how many findings each file has per rule in
// migralint-baseline.json (the shape of ESLint's bulk suppressions); later runs suppress up to that
// many per file and rule, so only new findings count. When a file gains findings of a rule, all of
// that rule's findings in the file are shown again (which ones are new cannot be told). Entries
// that no longer match anything are reported, and removed with --prune-baseline.

import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, LintMessage, LintResult } from '@migralint/core';
import { UsageError } from './parse-args.js';
import { writeFileAtomic } from './write-output.js';

export const BASELINE_FILE = 'migralint-baseline.json';

/** `files[path][ruleId].count`: paths relative to the baseline file's folder, `/`-separated. */
export interface Baseline {
  files: Record<string, Record<string, { count: number }>>;
}

/** An entry that suppresses more than the run found (fixed, removed or renamed). */
export interface StaleEntry {
  file: string;
  ruleId: string;
  count: number;
  found: number;
}

const counted = (m: LintMessage) => !m.suppressed && (m.severity === 'error' || m.severity === 'warning');

/** The baseline of a run: every error and warning it shows, counted per file and rule. */
export function baselineOf(result: LintResult, base: string, cwd: string): Baseline {
  const files: Baseline['files'] = {};
  for (const file of result.files) {
    for (const message of file.messages.filter(counted)) {
      const entry = (files[keyOf(file.path, base, cwd)] ??= {});
      (entry[message.ruleId] ??= { count: 0 }).count++;
    }
  }
  return { files: sortKeys(files) };
}

/**
 * Suppresses the baselined findings in `result` (in place: messages, VFile messages and counts) and
 * returns the entries that matched less than they allow. Only files this run reported are judged;
 * an entry for a file that no longer exists is stale too.
 */
export function applyBaseline(result: LintResult, baseline: Baseline, base: string, cwd: string): StaleEntry[] {
  const stale: StaleEntry[] = [];
  const seen = new Set<string>();
  for (const file of result.files) {
    const key = keyOf(file.path, base, cwd);
    seen.add(key);
    const entries = baseline.files[key];
    if (!entries) continue;
    for (const [ruleId, { count }] of Object.entries(entries)) {
      const found = file.messages.filter((m) => m.ruleId === ruleId && counted(m));
      if (found.length > count) continue;
      if (found.length < count) stale.push({ file: key, ruleId, count, found: found.length });
      for (const message of found) message.suppressed = { kind: 'baseline', reason: `counted in ${BASELINE_FILE}` };
    }
    recount(file);
  }
  for (const [key, entries] of Object.entries(baseline.files)) {
    if (seen.has(key) || fs.existsSync(path.resolve(base, key))) continue;
    for (const [ruleId, { count }] of Object.entries(entries)) stale.push({ file: key, ruleId, count, found: 0 });
  }
  for (const key of ['errorCount', 'warningCount', 'infoCount', 'suppressedCount'] as const) result[key] = result.files.reduce((n, f) => n + f[key], 0);
  return stale;
}

/** The baseline without what `stale` says is gone (counts lowered to what was found). */
export function pruneBaseline(baseline: Baseline, stale: readonly StaleEntry[]): Baseline {
  const files = structuredClone(baseline.files);
  for (const entry of stale) {
    const rules = files[entry.file];
    if (!rules?.[entry.ruleId]) continue;
    if (entry.found > 0) rules[entry.ruleId] = { count: entry.found };
    else delete rules[entry.ruleId];
    if (Object.keys(rules).length === 0) delete files[entry.file];
  }
  return { files };
}

export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}); fix it, or write it again with "migralint baseline"`);
  }
  const files = (parsed as Baseline | null)?.files;
  const valid =
    files !== null &&
    typeof files === 'object' &&
    Object.values(files).every((rules) => rules !== null && typeof rules === 'object' && Object.values(rules).every((e) => Number.isInteger(e?.count) && e.count > 0));
  if (!valid) throw new UsageError(`${file} does not have the baseline shape {"files": {"<path>": {"<rule>": {"count": N}}}}; write it again with "migralint baseline"`);
  return parsed as Baseline;
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, `${JSON.stringify({ files: sortKeys(baseline.files) }, null, 2)}\n`);
}

function recount(file: FileResult): void {
  file.errorCount = file.warningCount = file.infoCount = file.suppressedCount = 0;
  for (const m of file.messages) {
    if (m.suppressed) file.suppressedCount++;
    else if (m.severity === 'error') file.errorCount++;
    else if (m.severity === 'warning') file.warningCount++;
    else file.infoCount++;
  }
  // The terminal reporter reads the VFile: it keeps only the findings still shown.
  const shown = new Set(file.messages.filter((m) => !m.suppressed).map((m) => `${m.ruleId}@${m.offset}:${m.endOffset}`));
  file.file.messages = file.file.messages.filter((v) => shown.has(`${v.ruleId}@${v.place && 'start' in v.place ? v.place.start.offset : ''}:${v.place && 'end' in v.place ? v.place.end.offset : ''}`));
}

/** A report path (relative to the cwd, or absolute) as a key relative to the baseline's folder. */
function keyOf(reportPath: string, base: string, cwd: string): string {
  return path.relative(base, path.resolve(cwd, reportPath)).split(path.sep).join('/');
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The baseline step of a lint run (main.ts): `migralint baseline` writes the file from the result
 * and ends the run (exit 0); a normal run applies the file when there is one, says which entries
 * are stale, and prunes them with --prune-baseline. Returns an exit code when the run ends here.
 */
export function settleBaseline(
  result: LintResult,
  request: { command: string; pruneBaseline?: boolean; changedSince?: string; staged: boolean },
  io: { cwd: string; stderr: { write(s: string): unknown } },
): number | undefined {
  const file = path.join(io.cwd, BASELINE_FILE);
  if (request.command === 'baseline') {
    if (result.failed) return undefined; // exit 2 as usual: a baseline of an incomplete run would hide findings
    const baseline = baselineOf(result, io.cwd, io.cwd);
    const entries = Object.values(baseline.files);
    const findings = entries.reduce((n, rules) => n + Object.values(rules).reduce((m, e) => m + e.count, 0), 0);
    writeBaseline(file, baseline);
    io.stderr.write(`migralint: wrote ${BASELINE_FILE}: ${findings} finding${findings === 1 ? '' : 's'} in ${entries.length} file${entries.length === 1 ? '' : 's'} are accepted; later runs report only new ones\n`);
    return 0;
  }
  const baseline = readBaseline(file);
  if (!baseline) {
    if (request.pruneBaseline) throw new UsageError(`--prune-baseline: there is no ${BASELINE_FILE} here; "migralint baseline" writes one`);
    return undefined;
  }
  const stale = applyBaseline(result, baseline, io.cwd, io.cwd);
  if (stale.length === 0) return undefined;
  if (request.pruneBaseline) {
    writeBaseline(file, pruneBaseline(baseline, stale));
    io.stderr.write(`migralint: pruned ${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of ${BASELINE_FILE} that no longer match a finding\n`);
  } else {
    const shown = stale.slice(0, 5).map((s) => `${s.file} ${s.ruleId} (${s.count} accepted, ${s.found} found)`);
    io.stderr.write(
      `migralint: ${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of ${BASELINE_FILE} no longer match (fixed or removed): ${shown.join('; ')}${stale.length > 5 ? '; …' : ''}; remove ${stale.length === 1 ? 'it' : 'them'} with --prune-baseline\n`,
    );
  }
  return undefined;
}
