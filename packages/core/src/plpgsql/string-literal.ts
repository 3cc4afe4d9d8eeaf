// The value of one string-constant token (as Postgres' scanner cut it) and where each byte of
// that value was written: `$tag$…$tag$` (verbatim), `'…'` (`''` is one quote), `E'…'` (backslash
// escapes) and the SQL quote continuation `'a'<newline>'b'` that the scanner already folds into
// one token. The token is known to be a string constant: this reads its quoting, it never has to
// find where a statement starts or ends.

import { SegmentList } from './offset-map.js';

export type Quoting = 'dollar' | 'standard' | 'escape';

export type DecodedLiteral =
  | { ok: true; value: string; quoting: Quoting; /** value bytes → token bytes */ segments: SegmentList }
  | { ok: false; reason: string };

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function decodeStringLiteral(token: string): DecodedLiteral {
  if (token.startsWith('$')) return decodeDollar(token);
  const first = token[0];
  if (first === "'") return decodeQuoted(token, 0, false);
  if ((first === 'E' || first === 'e') && token[1] === "'") return decodeQuoted(token, 1, true);
  if ((first === 'N' || first === 'n') && token[1] === "'") return decodeQuoted(token, 1, false);
  return { ok: false, reason: `a string written as ${token.slice(0, 3)}… (only $$, '…' and E'…' strings are read)` };
}

function decodeDollar(token: string): DecodedLiteral {
  const tagEnd = token.indexOf('$', 1);
  const tag = token.slice(0, tagEnd + 1);
  if (tagEnd < 0 || !token.endsWith(tag) || token.length < 2 * tag.length) return { ok: false, reason: 'an unterminated dollar quote' };
  const value = token.slice(tag.length, token.length - tag.length);
  const segments = new SegmentList();
  segments.copy(Buffer.byteLength(tag), Buffer.byteLength(value));
  return { ok: true, value, quoting: 'dollar', segments };
}

/** `'…'` from index `open` (the quote), with `''`, continuation, and (escape strings) backslashes. */
function decodeQuoted(token: string, open: number, escapes: boolean): DecodedLiteral {
  const segments = new SegmentList();
  const out: string[] = [];
  let byte = Buffer.byteLength(token.slice(0, open + 1));
  let i = open + 1;
  while (i < token.length) {
    const c = token[i]!;
    if (c === "'") {
      if (token[i + 1] === "'") {
        out.push("'");
        segments.stand(1, byte, byte + 2);
        i += 2;
        byte += 2;
        continue;
      }
      // Closing quote, or a continuation: whitespace holding a newline, then another quote.
      let j = i + 1;
      while (j < token.length && token[j] !== "'") j++;
      if (j >= token.length) return finish(out, escapes, segments, i === token.length - 1);
      byte += Buffer.byteLength(token.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (escapes && c === '\\') {
      const escape = readEscape(token, i);
      if (!escape) return { ok: false, reason: `an escape ${token.slice(i, i + 6)} that is not read` };
      const written = Buffer.byteLength(token.slice(i, i + escape.length));
      out.push(escape.value);
      segments.stand(Buffer.byteLength(escape.value), byte, byte + written);
      i += escape.length;
      byte += written;
      continue;
    }
    const code = token.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    const length = Buffer.byteLength(char);
    out.push(char);
    segments.copy(byte, length);
    i += char.length;
    byte += length;
  }
  return { ok: false, reason: 'an unterminated quoted string' };
}

function finish(out: string[], escapes: boolean, segments: SegmentList, closed: boolean): DecodedLiteral {
  if (!closed) return { ok: false, reason: 'an unterminated quoted string' };
  return { ok: true, value: out.join(''), quoting: escapes ? 'escape' : 'standard', segments };
}

/** One backslash escape of an E'…' string at `i`: its value and how many characters it spans. */
function readEscape(token: string, i: number): { value: string; length: number } | undefined {
  const next = token[i + 1];
  if (next === undefined) return undefined;
  if (next in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[next]!, length: 2 };
  if (next >= '0' && next <= '7') {
    const digits = /^[0-7]{1,3}/.exec(token.slice(i + 1, i + 4))![0];
    return byteEscape(parseInt(digits, 8), 1 + digits.length);
  }
  if (next === 'x') {
    const digits = /^[0-9A-Fa-f]{1,2}/.exec(token.slice(i + 2, i + 4))?.[0];
    if (digits) return byteEscape(parseInt(digits, 16), 2 + digits.length);
  }
  if (next === 'u' || next === 'U') {
    const width = next === 'u' ? 4 : 8;
    const digits = token.slice(i + 2, i + 2 + width);
    if (!/^[0-9A-Fa-f]+$/.test(digits) || digits.length !== width) return undefined;
    const code = parseInt(digits, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined; // surrogate pairs: not read
    return { value: String.fromCodePoint(code), length: 2 + width };
  }
  // Any other character after a backslash is itself (`\\`, `\'`, `\"`, `\$`).
  const code = token.codePointAt(i + 1)!;
  return { value: String.fromCodePoint(code), length: 1 + String.fromCodePoint(code).length };
}

/** `\ooo` / `\xhh` produce one byte: read only when it is ASCII (a lone high byte is not text). */
function byteEscape(code: number, length: number): { value: string; length: number } | undefined {
  return code < 0x80 && code > 0 ? { value: String.fromCharCode(code), length } : undefined;
}
