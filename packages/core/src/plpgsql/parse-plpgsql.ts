// libpg-query's PL/pgSQL parser (PostgreSQL's pl_gram.y, without a catalog). It reads a whole
// `DO` / `CREATE FUNCTION` statement and compiles the body as Postgres would at creation; its
// errors carry a message and no position. Next to parseSql in parser.ts once this is integrated.

import type { AstNode } from '../types.js';
import { parseSql, plpgsqlParser } from '../parser.js';

export type PlpgsqlOutcome = { ok: true; action: AstNode } | { ok: false; message: string };

/** `sql`: one DO or CREATE FUNCTION/PROCEDURE … LANGUAGE plpgsql statement with an `AS` body. */
export function parsePlpgsql(sql: string): PlpgsqlOutcome {
  // The same "parser not loaded" error as every other parse, rather than a body-syntax problem.
  parseSql('');
  try {
    const result = plpgsqlParser()(sql) as unknown as { plpgsql_funcs?: Array<{ PLpgSQL_function?: AstNode }> };
    const action = result.plpgsql_funcs?.[0]?.PLpgSQL_function?.action as AstNode | undefined;
    return action ? { ok: true, action } : { ok: false, message: 'The PL/pgSQL parser returned no body.' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
