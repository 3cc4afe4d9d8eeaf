// A cheap pass over a statement's text that says whether it may hold a name longer than a limit,
// so that identifier-too-long asks the scanner for tokens only then (scanning is the costly part,
// and a long name is rare). It reads the text the way Postgres' lexer does where that decides what
// is a name — comments, string literals, dollar quotes, quoted names — and errs only towards "may":
// a run of name characters counts even where the lexer would cut it (digits first, a number), and
// every UTF-16 unit above U+07FF counts 3 bytes (a surrogate pair 6, for 4). What it must never do
// is skip text that the lexer reads as a name; that is why it follows the lexer's rules for what
// opens and closes a comment or a string (standard_conforming_strings on, as the scanner runs). A
// backslash outside a string (a psql meta-command, which the engine blanks) makes it say "may".

/** Does `text` hold an unquoted run of name characters, or a quoted name, of more than `maxBytes` UTF-8 bytes? */
export function mayHoldLongName(text: string, maxBytes: number): boolean {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isNameChar(c) && c !== DOLLAR) {
      // A run of name characters: an identifier, a keyword, a number, or a mix the lexer cuts.
      // (`$` goes on a name, never starts one: there it opens a dollar quote or is a `$1`.)
      let bytes = 0;
      while (i < length && isNameChar(text.charCodeAt(i))) bytes += utf8Units(text.charCodeAt(i++));
      if (bytes > maxBytes) return true;
      // `E'…'`: a string with backslash escapes, when the E stands alone.
      if (i < length && text.charCodeAt(i) === QUOTE && bytes === 1 && (text.charCodeAt(i - 1) | 0x20) === 0x65) i = endOfString(text, i + 1, true);
      continue;
    }
    switch (c) {
      case DOUBLE_QUOTE: {
        const end = endOfQuotedName(text, i + 1, maxBytes);
        if (end < 0) return true;
        i = end;
        break;
      }
      case QUOTE:
        i = endOfString(text, i + 1, false);
        break;
      case DASH:
        i = text.charCodeAt(i + 1) === DASH ? endOfLine(text, i + 2) : i + 1;
        break;
      case SLASH:
        i = text.charCodeAt(i + 1) === STAR ? endOfComment(text, i + 2) : i + 1;
        break;
      case BACKSLASH:
        // A psql meta-command (`\set`, `\gexec`): the engine blanks it and the rest of its line
        // before scanning, which may leave a quote we read here out. Rare: let the scanner decide.
        return true;
      case DOLLAR:
        // At a token's start: after a name character the run above took the `$` along.
        i = endOfDollarQuote(text, i);
        break;
      default:
        i++;
    }
  }
  return false;
}

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DASH = 0x2d;
const SLASH = 0x2f;
const STAR = 0x2a;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/** `[A-Za-z0-9_$]` and everything outside ASCII: what an unquoted name (or a number) is made of. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DOLLAR || c >= 0x80;
}

/** UTF-8 bytes of one UTF-16 unit, at least (a surrogate half counts 3: a pair is 4 bytes, counted 6). */
function utf8Units(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}

/** After the opening `"`: the offset after the closing one, or -1 when the name is long (or never closed). */
function endOfQuotedName(text: string, from: number, maxBytes: number): number {
  let bytes = 0;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === DOUBLE_QUOTE) {
      if (text.charCodeAt(i + 1) !== DOUBLE_QUOTE) return bytes > maxBytes ? -1 : i + 1;
      i++; // `""` is one `"` of the name
    }
    bytes += utf8Units(c);
    i++;
  }
  return -1;
}

/** After the opening `'`: the offset after the closing one (`''` is a quote inside; `\` escapes only in E'…'). */
function endOfString(text: string, from: number, backslashEscapes: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (backslashEscapes && c === BACKSLASH) i += 2;
    else if (c !== QUOTE) i++;
    else if (text.charCodeAt(i + 1) === QUOTE) i += 2;
    else return i + 1;
  }
  return text.length;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end + 1;
}

/** After `/*`: the offset after the matching `*​/` (Postgres nests block comments). */
function endOfComment(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === STAR && text.charCodeAt(i + 1) === SLASH) {
      i += 2;
      if (--depth === 0) return i;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      i += 2;
      depth++;
    } else i++;
  }
  return text.length;
}

/**
 * At a `$` that starts a token: past the closing delimiter of `$tag$…$tag$` (tag: a letter or `_`,
 * then letters, digits, `_`), or just past the `$` when it does not open a dollar quote (`$1`) or
 * the quote is never closed (then the rest is read as code: more "may", never less).
 */
function endOfDollarQuote(text: string, at: number): number {
  let i = at + 1;
  if (i < text.length && text.charCodeAt(i) !== DOLLAR) {
    const first = text.charCodeAt(i);
    if (!(isNameChar(first) && first !== DOLLAR && (first < 0x30 || first > 0x39))) return at + 1;
    while (i < text.length && isNameChar(text.charCodeAt(i)) && text.charCodeAt(i) !== DOLLAR) i++;
    if (text.charCodeAt(i) !== DOLLAR) return at + 1;
  }
  const delimiter = text.slice(at, i + 1);
  const close = text.indexOf(delimiter, i + 1);
  return close === -1 ? at + 1 : close + delimiter.length;
}
