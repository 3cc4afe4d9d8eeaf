// What reading a PL/pgSQL body gives back. Offsets named `range` are UTF-16 offsets in the file,
// like `Statement.start`/`end`; AST `location`s of an embedded statement are UTF-8 byte offsets
// into its `source` (libpg-query's unit), turned into file offsets by `fileOffset` / `rangeAt`.

import type { AstNode, Range } from '../types.js';

/** `now`: a `DO` block runs as the migration runs. `later`: a function/procedure body runs when called. */
export type BodyRuns = 'now' | 'later';

/** How the body was written: `$tag$…$tag$`, `'…'` with `''`, or `E'…'` with backslash escapes. */
export type BodyQuoting = 'dollar' | 'standard' | 'escape';

/** A condition as written in the body (`IF`, `ELSIF`, `WHILE`, searched `CASE WHEN`). */
export interface BranchCondition {
  text: string;
  /** Where it is in the file; undefined when it could not be located. */
  range?: Range;
}

/**
 * The enclosing `IF` tests the catalog: `IF NOT EXISTS (SELECT … FROM pg_type …)`,
 * `IF to_regclass('x') IS NULL`. `runsWhen: 'absent'` means the branch runs only when the looked-up
 * object does not exist yet (the re-runnable "create if missing" idiom).
 */
export interface CatalogGuard {
  /** Catalog relations or lookup functions consulted, e.g. `pg_type`, `information_schema.columns`, `to_regclass`. */
  catalogs: string[];
  runsWhen: 'absent' | 'present';
}

/** What a statement sits inside, outermost first. */
export type BodyEnclosure =
  | { kind: 'if'; branch: 'then' | 'elsif' | 'else'; condition?: BranchCondition; guard?: CatalogGuard }
  | { kind: 'case'; branch: 'when' | 'else'; condition?: BranchCondition }
  | { kind: 'loop'; loop: 'loop' | 'while' | 'for' | 'foreach' }
  /** Inside `BEGIN … EXCEPTION WHEN … END`: an error here is caught by the listed conditions. */
  | { kind: 'protected'; catches: string[] }
  /** Inside an `EXCEPTION WHEN …` handler. */
  | { kind: 'handler'; conditions: string[] };

/** How the statement reaches the server. */
export type EmbeddedVia =
  | 'sql' // a plain SQL statement in the body
  | 'perform' // PERFORM … (runs as SELECT …)
  | 'call' // CALL p() / nested DO
  | 'for-query' // FOR r IN <query> LOOP
  | 'return-query' // RETURN QUERY <query>
  | 'open' // OPEN c FOR <query>
  | 'execute'; // EXECUTE of a text known before run time

export interface EmbeddedStatement {
  /** libpg-query node kind, e.g. `DropStmt`. */
  kind: string;
  /** The statement node's fields (the value under `kind`), as `Statement.node`. */
  node: AstNode;
  /** This statement's SQL as Postgres runs it (unquoted, `format()` applied). */
  text: string;
  /** The whole text the SQL parser was given; `node` locations are UTF-8 byte offsets into it. */
  source: string;
  /** The statement in the file. */
  range: Range;
  via: EmbeddedVia;
  runs: BodyRuns;
  enclosures: readonly BodyEnclosure[];
  /** The innermost catalog guard around the statement, if any. */
  guard?: CatalogGuard;
  /**
   * `exact`: every byte maps to where it is written. `approximate`: part of the text is an escape
   * sequence or a `format()` substitution; offsets there point at the whole escape or argument.
   */
  precision: 'exact' | 'approximate';
  /** File offset (UTF-16) of a UTF-8 byte offset in `source`, e.g. an AST node's `location`. */
  fileOffset(location: number): number;
  /** File range of the token that starts at a `location` in `source` (the statement when none does). */
  rangeAt(location: number): Range;
  /**
   * An EXECUTE whose text has variables quoted in by `%I`/`%L`/`quote_ident()`/`quote_literal()`:
   * their names. The text holds them as `"{name}"` / `'{name}'`, so its shape can be read, but
   * the objects it names are known only at run time.
   */
  placeholders?: string[];
  /** When the statement is itself a `DO` block or a PL/pgSQL function: what its body holds. */
  nested?: PlpgsqlBody;
}

/** An `EXECUTE` whose text is known only at run time. */
export interface DynamicExecute {
  /** The expression after `EXECUTE` as written. */
  expression: string;
  /** The expression in the file. */
  range: Range;
  /** Why the text cannot be known, in words (`the variable tbl`, `a %-10s width`). */
  reason: string;
  runs: BodyRuns;
  enclosures: readonly BodyEnclosure[];
  guard?: CatalogGuard;
}

export type PlpgsqlProblemKind =
  /** The PL/pgSQL parser rejected the body (its own syntax or an embedded statement). */
  | 'body-syntax'
  /** The SQL parser rejected a statement (an EXECUTE text, say). */
  | 'statement-syntax'
  /** A statement text could not be found in the body (so no position could be given). */
  | 'unlocated'
  /** The body or an EXECUTE string is quoted in a way that is not read (U&'…'). */
  | 'unsupported-quoting';

export interface PlpgsqlProblem {
  kind: PlpgsqlProblemKind;
  /** Postgres' message, or ours. */
  message: string;
  range: Range;
}

export interface PlpgsqlBody {
  /** `do`, `function` or `procedure`. */
  kind: 'do' | 'function' | 'procedure';
  /** The function or procedure name as written (`public.f`); undefined for `DO`. */
  name?: string;
  runs: BodyRuns;
  quoting: BodyQuoting;
  /** The body text inside its quotes, in the file. */
  range: Range;
  /** Embedded statements in body order (an EXECUTE of several statements gives several). */
  statements: EmbeddedStatement[];
  dynamic: DynamicExecute[];
  problems: PlpgsqlProblem[];
}
