// Text that suggestions insert, in the file's own style.

/** The file's line break: CRLF or CR when the file uses them, else LF. */
export function lineBreakOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\r') && !text.includes('\n')) return '\r';
  return '\n';
}
