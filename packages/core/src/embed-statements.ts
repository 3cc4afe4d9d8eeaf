// The SQL inside PL/pgSQL bodies (`DO` blocks, `CREATE FUNCTION … LANGUAGE plpgsql`) as statements
// of the file. Each `DO` / function statement gets its body (`plpgsql`) and the body's statements
// (`embedded`), each marked `nested`; the rule runner visits them right after their parent and the
// replay runs the ones that run now. The top-level statement list stays as the runner sends it, so
// what executes statements (verify, transaction tracking, layouts) never sees them twice.

import type { NestedPlace, Statement } from './types.js';
import { extractPlpgsql } from './plpgsql/index.js';
import type { PlpgsqlBody } from './plpgsql/types.js';
import { isComment, scanSql, type Token } from './parser.js';

/** Reads every PL/pgSQL body among `statements` (parser loaded) and attaches what it runs. */
export function embedStatements(statements: readonly Statement[]): void {
  for (const statement of statements) {
    if (statement.kind !== 'DoStmt' && statement.kind !== 'CreateFunctionStmt') continue;
    const body = extractPlpgsql(statement);
    if (body) attach(statement, statement, body, undefined);
  }
}

function attach(parent: Statement, top: Statement, body: PlpgsqlBody, outerFunction: string | undefined): void {
  parent.plpgsql = body;
  const functionName = body.kind === 'do' ? outerFunction : (body.name ?? outerFunction);
  parent.embedded = body.statements.map((embedded) => {
    const nested: NestedPlace = { parent, top, runs: embedded.runs, ...(functionName ? { functionName } : {}), embedded };
    const statement: Statement = {
      index: top.index,
      kind: embedded.kind,
      node: embedded.node,
      start: embedded.range.start,
      end: embedded.range.end,
      text: embedded.text,
      nested,
    };
    if (embedded.nested) attach(statement, top, embedded.nested, functionName);
    return statement;
  });
}

/** A statement and, depth first, every statement inside its body. */
export function* withEmbedded(statement: Statement): Generator<Statement> {
  yield statement;
  for (const inner of statement.embedded ?? []) yield* withEmbedded(inner);
}

/**
 * Comments inside the `$tag$` bodies that mention `migralint-`, as tokens of the whole text (UTF-8
 * byte offsets), so directives written in a body count: the scanner sees a body as one string
 * constant. Other quotings would need their escapes undone first; their comments are not read.
 */
export function bodyComments(parseText: string, statements: readonly Statement[], toByte: (offset: number) => number): Token[] {
  const comments: Token[] = [];
  for (const top of statements) {
    for (const statement of withEmbedded(top)) {
      const body = statement.plpgsql;
      if (!body || body.quoting !== 'dollar') continue;
      // Only a body that holds a directive is worth its scan.
      const bodyText = parseText.slice(body.range.start, body.range.end);
      if (!bodyText.includes('migralint-')) continue;
      const base = toByte(body.range.start);
      for (const token of scanSql(bodyText) ?? []) {
        if (isComment(token)) comments.push({ ...token, start: base + token.start, end: base + token.end });
      }
    }
  }
  return comments;
}
