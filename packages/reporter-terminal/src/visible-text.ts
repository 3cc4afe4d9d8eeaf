// Text that came from outside (a migration's identifiers, a file name, a plugin's message) is shown
// on a terminal with every control character made visible, so it can print but never steer the
// terminal: no screen clears, no fake colours, no planted OSC 8 links, no cursor moves that overwrite
// a line, no bidi overrides that make text read differently from what it is (CVE-2021-42574).
// Our own colours are added after this, around already-visible text.

/**
 * C0 controls and DEL, C1 controls (a lone 0x9B is CSI on many terminals), and the Unicode format
 * characters that reorder or hide text: bidi embeddings/overrides/isolates, line/paragraph
 * separators, and the zero-width no-break space (BOM) in the middle of text.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const UNSAFE_WITH_BREAKS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text (a message, a path, a rule id): every control character, line breaks and tabs included, shown as an escape. */
export function visibleLine(text: string): string {
  return text.replace(UNSAFE_WITH_BREAKS, escape);
}

/** Several lines (a note, a stack trace): line feeds and tabs kept, everything else escaped. */
export function visibleLines(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, escape);
}
