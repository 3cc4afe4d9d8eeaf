// A big file is parsed in pieces (split-statements.ts): its statements must be exactly those of the
// whole file parsed at once, with file offsets, even where a cut falls inside a string, a comment,
// a function body or a rule's parentheses, and a syntax error must be reported where it is.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOffsetMap } from '../src/offsets.js';
import { loadParser, parseSql } from '../src/parser.js';
import { parseInPieces, splitStatements } from '../src/split-statements.js';

beforeAll(loadParser);

// Small pieces, so that a test text of a few dozen KB has many cuts (files use 64 KB pieces from 512 KB on).
const SIZES = { from: 0, piece: 2048 };

/** About `bytes` of SQL whose `;` line ends fall inside strings, comments, bodies and parentheses. */
function trickyMigration(bytes: number, extra: (i: number) => string = () => ''): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const block = `-- step ${i}; a comment with a semicolon;
ALTER TABLE "tablé_${i}" DROP COLUMN x;
INSERT INTO notes (body) VALUES ('line one;
line two; ${i}');
CREATE FUNCTION f_${i}() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT 1;
  SELECT ${i};
END;
CREATE RULE r_${i} AS ON INSERT TO t DO ALSO (NOTIFY a;
NOTIFY b);
DO $$ BEGIN
  PERFORM 1;
  RAISE NOTICE 'x;';
END $$;
/* a block comment;
   spanning lines; */
${extra(i)}`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

/** What one parse of the whole file gives: each statement's kind, UTF-16 start and tree. */
function wholeFile(text: string) {
  const map = createOffsetMap(text);
  const parsed = parseSql(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.stmts.map((raw) => {
    const kind = Object.keys(raw.stmt!)[0]!;
    return { kind, start: map.fromByte(raw.stmt_location ?? 0), node: raw.stmt![kind] };
  });
}

describe('big files parsed in pieces', () => {
  it('gives the statements, offsets and trees of the whole file parsed at once', () => {
    const text = trickyMigration(60 * 1024);
    const map = createOffsetMap(text);
    // The pieces reach the last piece (no fallback to one parse of the whole file).
    expect(parseInPieces(text, text, map, SIZES.piece).rest).toBeGreaterThan(text.length - 2 * SIZES.piece);
    const { statements } = splitStatements(text, map, [], SIZES);
    const expected = wholeFile(text);
    expect(statements.length).toBe(expected.length);
    expect(statements.map((s) => ({ kind: s.kind, start: s.start, node: s.node }))).toEqual(expected);
    // Node locations are file offsets: the last DROP COLUMN's table name is where its location says.
    const last = statements.filter((s) => s.kind === 'AlterTableStmt').at(-1)!;
    const relation = (last.node as { relation: { relname: string; location: number } }).relation;
    expect(text.slice(map.fromByte(relation.location)).startsWith(`"${relation.relname}"`)).toBe(true);
  });

  it('recovers syntax errors piece by piece as the whole file would be recovered', () => {
    // Every 40th block has a statement Postgres cannot parse: the blocks are read alone (small
    // texts are parsed whole, then recovered) and their statements, moved to the block's offset,
    // are what the big file must give.
    const blocks: string[] = [];
    trickyMigration(60 * 1024, (i) => (i % 40 === 7 ? 'SELEC 1;\nCREATE TABLE {{ .Schema }}.x (id int);\n' : '')).replace(/(?=-- step \d+;)/g, '\u0000').split('\u0000').forEach((b) => b && blocks.push(b));
    const text = blocks.join('');
    const expected: Array<{ kind: string; start: number; end: number; error?: string }> = [];
    let offset = 0;
    for (const block of blocks) {
      for (const s of splitStatements(block, createOffsetMap(block)).statements) {
        expected.push({ kind: s.kind, start: s.start + offset, end: s.end + offset, ...(s.error ? { error: s.error.message } : {}) });
      }
      offset += block.length;
    }
    const map = createOffsetMap(text);
    const { statements } = splitStatements(text, map, [], SIZES);
    expect(statements.map((s) => ({ kind: s.kind, start: s.start, end: s.end, ...(s.error ? { error: s.error.message } : {}) }))).toEqual(expected);
    expect(statements.filter((s) => s.kind === 'ParseError').length).toBeGreaterThan(3);
    expect(statements.map((s) => s.index)).toEqual(statements.map((_, i) => i));
    // The pieces went on past the errors instead of handing the rest of the file to one recovery.
    expect(parseInPieces(text, text, map, SIZES.piece).rest).toBeGreaterThan(text.length - 2 * SIZES.piece);
  });

  it('finds psql meta-commands scanning in pieces as scanning the whole text does', () => {
    // A dump with `\restrict` at the top, meta-commands between statements, and backslashes in
    // strings and comments that are not meta-commands.
    const text = `\\restrict k3y\n${trickyMigration(60 * 1024, (i) => (i % 25 === 3 ? "\\set ON_ERROR_STOP on\nSELECT 'a\\b';\n-- \\c not a command;\n" : ''))}\\unrestrict k3y\n`;
    const map = createOffsetMap(text);
    const pieces = splitStatements(text, map, [], SIZES);
    const whole = splitStatements(text, map, [], { from: Infinity, piece: 0 });
    expect(pieces.metaCommands.map((m) => m.command)).toEqual(['\\restrict', ...Array(pieces.metaCommands.length - 2).fill('\\set'), '\\unrestrict']);
    expect(pieces.metaCommands.length).toBeGreaterThan(5);
    expect(pieces.metaCommands).toEqual(whole.metaCommands);
    expect(pieces.parseText).toBe(whole.parseText);
    expect(pieces.statements.map((s) => [s.kind, s.start, s.end])).toEqual(whole.statements.map((s) => [s.kind, s.start, s.end]));
  });

  it('keeps the statements before an unterminated quote deep in a big file', () => {
    const text = `${trickyMigration(60 * 1024)}SELECT 'never closed;\nDROP TABLE x;\n`;
    const { statements } = splitStatements(text, createOffsetMap(text), [], SIZES);
    const errors = statements.filter((s) => s.kind === 'ParseError');
    // Postgres reads the rest of the file as the string; the pieces before that piece are kept.
    expect(errors).toHaveLength(1);
    expect(statements.at(-1)).toBe(errors[0]);
    expect(errors[0]!.end).toBe(text.length);
    expect(text.length - errors[0]!.start).toBeLessThan(4 * SIZES.piece);
    expect(statements.length).toBeGreaterThan(100);
  });
});
