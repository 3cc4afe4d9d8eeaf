// One fuzz case: lint the files with every rule on, twice, and check what must hold for any input
// whatever: no throw, no internal error, every position inside its file and consistent with its
// offset, every range ordered and (but for whole-file findings) non-empty, every fix inside the
// file, and the same output both times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LintResult, type ResolvedConfig } from '@migralint/core';
import { ConfigLoader } from '@migralint/config';
import { lint } from '@migralint/migrations';
import type { InputFile } from './sql-inputs.js';
import { RULE_PACKS } from '../../packages/cli/src/rule-packs.js';

export type Outcome = 'clean' | 'findings' | 'parse-error' | 'unreadable' | 'failure';

export interface Checked {
  outcome: Outcome;
  /** What broke an invariant; empty unless the outcome is `failure`. */
  problems: string[];
}


let strict: Promise<ResolvedConfig> | undefined;

/** Every rule of every built-in pack, at its default severity. */
function strictConfig(): Promise<ResolvedConfig> {
  strict ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-fuzz-'));
    const file = path.join(dir, 'migralint.config.json');
    fs.writeFileSync(file, '{"extends": "strict"}\n');
    const config = await new ConfigLoader({ cwd: dir, configFile: file, builtinPacks: RULE_PACKS }).forDirectory(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return config;
  })();
  return strict;
}

export async function lintChecked(files: readonly InputFile[]): Promise<Checked> {
  const problems: string[] = [];
  let first: LintResult;
  let second: LintResult;
  try {
    const config = await strictConfig();
    const run = () => lint({ files: files.map((f) => ({ path: f.path, content: f.content.slice() })), config, cwd: '/fuzz', readAux: () => undefined });
    first = await run();
    second = await run();
  } catch (error) {
    return { outcome: 'failure', problems: [`lint() threw: ${(error as Error).stack ?? String(error)}`] };
  }
  for (const n of first.notifications) if (n.level === 'error') problems.push(`internal error: ${n.message}`);
  for (const file of first.files) problems.push(...positionProblems(file));
  if (fingerprint(first) !== fingerprint(second)) problems.push('two runs on the same input gave different output');
  if (problems.length > 0) return { outcome: 'failure', problems };
  if (first.files.some((f) => f.unreadable)) return { outcome: 'unreadable', problems };
  const messages = first.files.flatMap((f) => f.messages);
  if (messages.some((m) => m.ruleId === 'migralint/parse-error')) return { outcome: 'parse-error', problems };
  return { outcome: messages.length > 0 ? 'findings' : 'clean', problems };
}

function positionProblems(file: LintResult['files'][number]): string[] {
  const problems: string[] = [];
  const text = typeof file.file.value === 'string' ? file.file.value : '';
  const at = (m: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }) => `${file.path} ${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
  for (const m of file.messages) {
    const where = at(m);
    if (![m.offset, m.endOffset, m.line, m.column, m.endLine, m.endColumn].every(Number.isInteger)) {
      problems.push(`${where}: a position is not an integer`);
      continue;
    }
    if (m.offset < 0 || m.endOffset > text.length || m.offset > m.endOffset) problems.push(`${where}: offsets ${m.offset}-${m.endOffset} outside the file (length ${text.length}) or reversed`);
    // Empty ranges exist by design only at the file's start (findings about the whole file: its
    // name, its layout, its encoding) and where input ends (a statement cut off before its end).
    const endOfInput = m.ruleId === 'migralint/parse-error' && /at end of input/.test(m.message);
    if (m.endOffset === m.offset && m.offset !== 0 && m.offset !== text.length && !endOfInput) problems.push(`${where}: empty range`);
    if (m.line > m.endLine || (m.line === m.endLine && m.column > m.endColumn)) problems.push(`${where}: start after end`);
    if (!agrees(text, m.offset, m.line, m.column)) problems.push(`${where}: start ${m.line}:${m.column} is not offset ${m.offset}`);
    if (!agrees(text, m.endOffset, m.endLine, m.endColumn)) problems.push(`${where}: end ${m.endLine}:${m.endColumn} is not offset ${m.endOffset}`);
    for (const fix of [...(m.fix ?? []), ...(m.suggestions ?? []).flatMap((s) => s.fix)]) {
      const [start, end] = fix.range;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) problems.push(`${where}: fix range ${start}-${end} outside the file`);
    }
  }
  return problems;
}

/** Line and column (1-based, UTF-16) of an offset, with line feeds (and CR LF) as line ends, or also lone CRs. */
function agrees(text: string, offset: number, line: number, column: number): boolean {
  if (offset < 0 || offset > text.length) return false;
  const before = text.slice(0, offset);
  for (const breaks of [/\n/g, /\r\n|\r|\n/g]) {
    const ends = [...before.matchAll(breaks)];
    const last = ends.at(-1);
    const lineStart = last ? last.index + last[0].length : 0;
    if (ends.length + 1 === line && offset - lineStart + 1 === column) return true;
  }
  return false;
}

/** What a run reported, without timings. */
function fingerprint(result: LintResult): string {
  return JSON.stringify({
    files: result.files.map((f) => [f.path, f.unreadable, f.messages.map((m) => [m.ruleId, m.severity, m.message, m.offset, m.endOffset, m.line, m.column, m.endLine, m.endColumn, m.suppressed?.kind])]),
    notifications: result.notifications.map((n) => [n.level, n.ruleId, n.file, n.message]),
  });
}
