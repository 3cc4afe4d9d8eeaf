// The intent of a migration: why it exists, written in the comments before its first statement.
//
//   -- Why: profiles are shown on the public team page (PROD-118); users opt in per field.
//   create table public.profiles (…);
//
// Read by `history/require-intent`, by `migralint plan` and by the MCP tools, so that the reason a
// change was made travels with it — into review, and into the history an assistant reads later.
// Only comments found by Postgres' scanner count (a string that looks like a comment is not one).

import { isComment, scanSql } from '@migralint/core';

/** Lines like `Why: …`, `Intent: …`, `Reason: …`, `Purpose: …` (case-insensitive). */
export const DEFAULT_INTENT_PATTERN = '^(?:why|intent|reason|purpose)\\s*:';

/** Text that only stands in for an intent someone still has to write. */
const PLACEHOLDER = /^(?:todo|tbd|fixme|xxx|n\/a|-+|\.{3}|…|<[^>]*>)?[.!:;,\s]*$/i;

export interface Intent {
  /** The text after the key (`Why:`), continuation comment lines joined with a space. */
  text: string;
  /** The comment line that holds the key, as written (`-- Why: …`). */
  line: string;
}

export interface IntentOptions {
  /** A regular expression (source) a comment line must match to start the intent. */
  pattern?: string;
}

/**
 * The intent in the leading comments of `text` (the comments before the first SQL token), or
 * undefined when there is none or it is only a placeholder (`Why: TODO`). A key line's text
 * continues on the following comment lines until a blank comment line or another `Key:` line.
 */
export function readIntent(text: string, options: IntentOptions = {}): Intent | undefined {
  const pattern = new RegExp(options.pattern ?? DEFAULT_INTENT_PATTERN, 'i');
  const lines = leadingCommentLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = pattern.exec(line);
    if (!match) continue;
    const parts = [line.slice(match.index + match[0].length).trim()];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next === '' || /^[\p{L}][\p{L} _-]{0,30}:(\s|$)/u.test(next)) break;
      parts.push(next);
    }
    const joined = parts.filter(Boolean).join(' ');
    if (PLACEHOLDER.test(joined)) return undefined;
    return { text: joined, line: line };
  }
  return undefined;
}

/** The comment lines before the first SQL token, each without its `--`, `/*`, `*` decoration. */
function leadingCommentLines(text: string): string[] {
  const tokens = scanSql(text) ?? [];
  const lines: string[] = [];
  for (const token of tokens) {
    if (!isComment(token)) break;
    const body = token.text.startsWith('--') ? token.text.slice(2) : token.text.slice(2, -2);
    for (const raw of body.split(/\r\n|\r|\n/)) lines.push(raw.replace(/^\s*\*?\s?/, '').trim());
  }
  return lines;
}
