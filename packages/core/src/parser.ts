// The one place that talks to libpg-query (Postgres' own parser compiled to WebAssembly).
// The module must be loaded once before the synchronous calls work; everything else in core
// calls parseSql/scanSql and never sees the library's quirks (empty input, JSON strings).

import type * as LibPgQuery from 'libpg-query';
import { lexSql, UNSURE } from './lexer/scan-sql.js';

let loading: Promise<void> | undefined;
let lib: typeof LibPgQuery | undefined;

// Imported on first use, not at start-up: the library reads and sets up its WebAssembly when
// imported, which a run answered from the result cache never needs.
export function loadParser(): Promise<void> {
  loading ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    lib = module;
  });
  return loading;
}

/** libpg-query's PL/pgSQL parser, once loaded (plpgsql/parse-plpgsql.ts; imported from here so it stays lazy). */
export function plpgsqlParser(): (typeof LibPgQuery)['parsePlPgSQLSync'] {
  return ready().parsePlPgSQLSync;
}

function ready(): typeof LibPgQuery {
  if (!lib) throw new Error('migralint: the SQL parser is not loaded; await loadParser() first');
  return lib;
}

export interface RawStmt {
  stmt?: Record<string, Record<string, unknown>>;
  /** UTF-8 byte offset of the statement's first token; omitted by libpg-query when 0. */
  stmt_location?: number;
  /** Length in bytes without the `;`; omitted for a final statement that has none. */
  stmt_len?: number;
}

export type ParseOutcome =
  | { ok: true; stmts: RawStmt[] }
  /** `cursor` is a 0-based offset in code points (Postgres counts characters), or -1. */
  | { ok: false; message: string; cursor: number };

export function parseSql(sql: string): ParseOutcome {
  const { parseSync } = ready();
  // libpg-query rejects '' outright; Postgres treats it as zero statements.
  if (sql.trim() === '') return { ok: true, stmts: [] };
  try {
    const tree = parseSync(sql) as { stmts?: RawStmt[] };
    return { ok: true, stmts: tree.stmts ?? [] };
  } catch (error) {
    const e = error as { message?: string; sqlDetails?: { message?: string; cursorPosition?: number } };
    return {
      ok: false,
      message: e.sqlDetails?.message ?? e.message ?? String(error),
      cursor: e.sqlDetails?.cursorPosition ?? -1,
    };
  }
}

export interface Token {
  /** UTF-8 byte offsets. */
  start: number;
  end: number;
  text: string;
  tokenName: string;
  keywordKind: number;
}

/**
 * Tokens of `sql`, or undefined when Postgres' lexer rejects it (e.g. an unterminated quote). Read by
 * core's port of the lexer (lexer/scan-sql.ts); libpg-query's scanner only where that cannot tell.
 */
export function scanSql(sql: string): Token[] | undefined {
  const tokens = lexSql(sql);
  return tokens === UNSURE ? scanWithLibpgQuery(sql) : tokens;
}

/** libpg-query's own scanner: the reference the lexer is tested against, and its fallback. */
export function scanWithLibpgQuery(sql: string): Token[] | undefined {
  const { scanSync } = ready();
  if (sql === '') return [];
  try {
    return (scanSync(sql) as { tokens: Token[] }).tokens;
  } catch {
    return scanWithControls(sql);
  }
}

/** C0 controls that libpg-query's scanner copies raw into its JSON output, which then fails to parse. */
const RAW_CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * A control character inside a quoted name or string (`"x\x1b[2J"`) is valid SQL that Postgres
 * parses, but libpg-query's scanner emits it unescaped in its JSON and fails. Scanned again with
 * each replaced by DEL (one byte, one UTF-16 unit: every offset stays), with the token texts taken
 * from the original. Without this, every rule reading tokens of such a statement saw none.
 */
function scanWithControls(sql: string): Token[] | undefined {
  if (!RAW_CONTROLS.test(sql)) return undefined;
  RAW_CONTROLS.lastIndex = 0;
  try {
    const tokens = (ready().scanSync(sql.replace(RAW_CONTROLS, '\u007F')) as { tokens: Token[] }).tokens;
    const bytes = Buffer.from(sql, 'utf8');
    return tokens.map((token) => ({ ...token, text: bytes.subarray(token.start, token.end).toString('utf8') }));
  } catch {
    return undefined;
  }
}

export function isComment(token: Token): boolean {
  return token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT';
}
