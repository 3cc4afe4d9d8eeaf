// Inline directives: comments that override a rule on purpose, with a written reason (DESIGN.md §7).
//
//   -- migralint-disable-next-statement destructive/no-drop-column -- unused since v3, OPS-42
//   -- migralint-disable destructive/*  -- reason      …      -- migralint-enable destructive/*
//   /* migralint-disable-file naming/identifier-pattern -- vendored extension DDL */
//
// Only comments found by Postgres' scanner count, so a directive-looking string literal is not one.

import type { Range, Statement } from './types.js';
import type { OffsetMap } from './offsets.js';
import { isComment, scanSql, type Token } from './parser.js';
import { bodyComments, withEmbedded } from './embed-statements.js';
import { lastStartingAtOrBefore } from './statement-index.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-statement' | 'disable-file';

export interface Directive {
  kind: DirectiveKind | 'unknown';
  /** The word after `migralint-` as written (for the unknown-directive message). */
  name: string;
  /** Rule ids or `pack/*` patterns; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  /** The comment's range. */
  range: Range;
  /** What it covers once resolved: a statement, a disable…enable span, or the whole file. */
  scope?: Range;
  /** Rule ids (as written in the directive, or `*`) that suppressed at least one finding. */
  used: Set<string>;
}

const DIRECTIVE = /^migralint-((?:disable|enable)[a-z-]*)\b([\s\S]*)$/;
const KINDS = new Set<string>(['disable', 'enable', 'disable-next-statement', 'disable-file']);

export function findDirectives(text: string, parseText: string, map: OffsetMap, statements: readonly Statement[]): Directive[] {
  // Scanning costs more than parsing; most files have no directive at all.
  if (!text.includes('migralint-')) return [];
  const directives: Directive[] = [];
  for (const token of [...directiveComments(parseText, statements, map), ...bodyComments(parseText, statements, (u) => map.toByte(u))].sort((a, b) => a.start - b.start)) {
    if (!isComment(token) || !token.text.includes('migralint-')) continue;
    const body = token.text.startsWith('--') ? token.text.slice(2) : token.text.slice(2, -2);
    const match = DIRECTIVE.exec(body.trim());
    if (!match) continue;
    const [ids, reason] = splitReason(match[2]!);
    directives.push({
      kind: KINDS.has(match[1]!) ? (match[1] as DirectiveKind) : 'unknown',
      name: match[1]!,
      ruleIds: ids.split(/[\s,]+/).filter(Boolean),
      ...(reason ? { reason } : {}),
      range: { start: map.fromByte(token.start), end: map.fromByte(token.end) },
      used: new Set(),
    });
  }
  // A directive inside a body covers the body's next statement.
  const everyStatement = statements.flatMap((s) => [...withEmbedded(s)]);
  resolveScopes(directives, everyStatement, text.length);
  return directives;
}

/**
 * The comments (tokens, byte offsets in the file) around each `migralint-` in the text. Scanning
 * costs more than parsing (a whole 10 MB file: seconds), so only the stretch around each occurrence
 * is scanned: from the start of the statement at or before it to the start of the next one. Both
 * are where a statement's first token starts, so the scanner reads the stretch as it reads the file.
 */
function directiveComments(parseText: string, statements: readonly Statement[], map: OffsetMap): Token[] {
  const comments: Token[] = [];
  for (let at = parseText.indexOf('migralint-'); at !== -1; ) {
    const { start, end } = stretchAround(statements, at, parseText.length);
    const base = map.toByte(start);
    for (const token of scanSql(parseText.slice(start, end)) ?? []) {
      if (isComment(token)) comments.push({ ...token, start: base + token.start, end: base + token.end });
    }
    at = parseText.indexOf('migralint-', Math.max(end, at + 1));
  }
  return comments;
}

/** From the start of the last statement starting at or before `offset` (or 0) to the next one's start (or the end). */
function stretchAround(statements: readonly Statement[], offset: number, length: number): Range {
  const at = lastStartingAtOrBefore(statements, offset);
  return { start: at === -1 ? 0 : statements[at]!.start, end: statements[at + 1]?.start ?? length };
}

/** `rule-a, rule-b -- why` → [`rule-a, rule-b`, `why`]. */
function splitReason(rest: string): [string, string | undefined] {
  const at = rest.search(/(^|\s)--/);
  if (at === -1) return [rest.trim(), undefined];
  const reason = rest.slice(at).replace(/^\s*--\s*/, '').trim();
  return [rest.slice(0, at).trim(), reason || undefined];
}

function resolveScopes(directives: Directive[], statements: readonly Statement[], textLength: number): void {
  for (const d of directives) {
    if (d.kind === 'disable-file') d.scope = { start: 0, end: textLength };
    else if (d.kind === 'disable-next-statement') {
      const next = statements.find((s) => s.start >= d.range.end);
      if (next) d.scope = { start: next.start, end: next.end };
    } else if (d.kind === 'disable') {
      // Until the first later `enable` that covers one of its rules (`enable pack/*` closes
      // `disable pack/rule`; a bare `enable` closes everything), else to the end of the file.
      const closes = (e: Directive) =>
        e.ruleIds.length === 0 || d.ruleIds.length === 0 || e.ruleIds.some((id) => d.ruleIds.some((own) => matchesRulePattern(id, own)));
      const enable = directives.find((e) => e.kind === 'enable' && e.range.start > d.range.end && closes(e));
      d.scope = { start: d.range.end, end: enable ? enable.range.start : textLength };
    }
  }
}

/** Does a directive's rule list name `ruleId`? Returns the entry that matched (`*` for "all"). */
export function matchingEntry(directive: Directive, ruleId: string): string | undefined {
  if (directive.ruleIds.length === 0) return '*';
  return directive.ruleIds.find((pattern) => matchesRulePattern(pattern, ruleId));
}

/** `pack/rule` exact, `pack/*` a whole pack, `*` everything. */
export function matchesRulePattern(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === ruleId) return true;
  return pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1));
}
