// Names the way Postgres stores and invents them: identifiers are cut to NAMEDATALEN - 1 = 63
// bytes (at a character boundary, like pg_mbcliplen), and an object created without a name gets
// one from makeObjectName — `<table>_<columns>_<label>`, shortening the longer part first so the
// whole fits. Sources: src/backend/parser/scansup.c (truncate_identifier),
// src/backend/commands/indexcmds.c (makeObjectName, ChooseIndexName, ChooseIndexColumnNames),
// src/backend/catalog/heap.c (check constraint names), src/backend/commands/tablecmds.c
// (ChooseForeignKeyConstraintNameAddition).

/** Bytes Postgres keeps of an identifier (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * UTF-8 bytes of `text`, as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes),
 * counted without encoding it: every name of a statement is measured, most of them short.
 */
export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `text` cut to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function clipBytes(text: string, maxBytes: number = MAX_IDENTIFIER_BYTES): string {
  if (byteLength(text) <= maxBytes) return text; // most names fit: no copy
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const size = byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}

/** Could `name` be written without double quotes? (Lower-case letters, digits, `_`, `$`; not starting with a digit or `$`.) */
export function isPlainName(name: string): boolean {
  return /^[a-z_\u0080-\uffff][a-z0-9_$\u0080-\uffff]*$/u.test(name) && name === name.toLowerCase();
}

/** `name` as SQL writes it: quoted unless it is a plain lower-case name. */
export function quoteName(name: string): string {
  return isPlainName(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * Join `parts` (literal text and placeholder values) into one name of at most 63 bytes, shortening
 * the longest placeholder value first — makeObjectName's rule, which keeps the label (`_pkey`)
 * and shortens `<table>` or `<columns>`, whichever is longer (the later one on a tie).
 */
export function fitName(parts: ReadonlyArray<{ text: string; value: boolean }>): string {
  const lengths = parts.map((p) => byteLength(p.text));
  const total = () => lengths.reduce((a, b) => a + b, 0);
  while (total() > MAX_IDENTIFIER_BYTES) {
    let longest = -1;
    parts.forEach((p, i) => {
      if (p.value && lengths[i]! > 0 && (longest === -1 || lengths[i]! >= lengths[longest]!)) longest = i;
    });
    if (longest === -1) break;
    lengths[longest]!--;
  }
  const joined = parts.map((p, i) => (p.value ? clipBytes(p.text, lengths[i]!) : p.text)).join('');
  return clipBytes(joined);
}

/** makeObjectName(name1, name2, label). */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  const parts = [{ text: name1, value: true }];
  if (name2 !== undefined) parts.push({ text: '_', value: false }, { text: name2, value: true });
  parts.push({ text: `_${label}`, value: false });
  return fitName(parts);
}

/** ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: names joined by `_`, stopping near 64 bytes. */
export function nameAddition(names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    if (out !== '') out += '_';
    out += name;
    if (byteLength(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}

/** The kinds of object whose unnamed instances Postgres names itself. */
export type GeneratedKind = 'primaryKey' | 'unique' | 'foreignKey' | 'check' | 'exclusion' | 'index';

const LABELS: Record<GeneratedKind, string> = {
  primaryKey: 'pkey',
  unique: 'key',
  foreignKey: 'fkey',
  check: 'check',
  exclusion: 'excl',
  index: 'idx',
};

/**
 * The name Postgres gives an unnamed constraint or index on `table` over `columns` (for a check:
 * the columns its expression reads). Postgres adds a number when the name is taken; that part is
 * not predicted here.
 */
export function generatedName(kind: GeneratedKind, table: string, columns: readonly string[]): string {
  switch (kind) {
    case 'primaryKey':
      return makeObjectName(table, undefined, LABELS.primaryKey);
    case 'check':
      // "tab_col_check" when the expression reads exactly one column, else "tab_check".
      return makeObjectName(table, columns.length === 1 ? columns[0] : undefined, LABELS.check);
    default:
      return makeObjectName(table, nameAddition(columns), LABELS[kind]);
  }
}
