// Where things are in the text when the AST gives no `location`: the column of `ALTER COLUMN c SET
// NOT NULL`, the constraint of `VALIDATE CONSTRAINT x`, the end of a constraint (where `NOT VALID`
// goes). Read from the tokens of Postgres' own scanner (`context.tokensOf`), never a lexer of our
// own. Offsets are UTF-16 offsets into the file text, like every offset a rule reports.

import type { AstNode, Range, RuleContext, SqlToken, Statement } from '@migralint/core';
import { isKeyword, isName, isPunctuation, splitTopLevel } from '@migralint/core';

/** The first run of tokens matching `words` (keywords, or `{ name }` for a name with that folded value). */
export function findSequence(tokens: readonly SqlToken[], words: ReadonlyArray<string | { name: string } | { optional: string }>): SqlToken[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const matched = matchAt(tokens, i, words);
    if (matched) return matched;
  }
  return undefined;
}

function matchAt(tokens: readonly SqlToken[], i: number, words: ReadonlyArray<string | { name: string } | { optional: string }>): SqlToken[] | undefined {
  const out: SqlToken[] = [];
  let j = i;
  for (const word of words) {
    const token = tokens[j];
    if (typeof word === 'string') {
      if (!isKeyword(token, word)) return undefined;
    } else if ('optional' in word) {
      if (!isKeyword(token, word.optional)) continue;
    } else if (!isName(token) || token.value !== word.name) return undefined;
    out.push(token!);
    j++;
  }
  return out;
}

/** The range of the name token in a matched run (the `{ name }` element), or undefined. */
export function nameRangeIn(run: readonly SqlToken[] | undefined, name: string): Range | undefined {
  const token = run?.find((t) => isName(t) && t.value === name);
  return token ? { start: token.start, end: token.end } : undefined;
}

/**
 * Where a qualified name (`a`, `s.a`) is written among `tokens`: the first match of its last part,
 * preceded by `schema .` when it has a schema. Used for names the AST lists without a location
 * (`DROP INDEX a, b`, `DROP TRIGGER t ON tbl`).
 */
export function qualifiedNameRange(tokens: readonly SqlToken[], name: { schema?: string | undefined; name: string }): Range | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isName(token) || token.value !== name.name) continue;
    if (name.schema) {
      const dot = tokens[i - 1];
      const schema = tokens[i - 2];
      if (isPunctuation(dot, '.') && isName(schema) && schema.value === name.schema) return { start: schema.start, end: token.end };
      continue;
    }
    if (isPunctuation(tokens[i - 1], '.')) continue;
    return { start: token.start, end: token.end };
  }
  return undefined;
}

/**
 * A constraint as the finding should underline it: the name of a named constraint
 * (`CONSTRAINT fk_user …`), else its keyword(s) (`FOREIGN KEY`, `CHECK`, `UNIQUE`, `PRIMARY KEY`, `NOT NULL`).
 */
export function constraintRange(context: RuleContext<any>, constraint: AstNode, statement: Statement): Range {
  const at = context.rangeOf(constraint);
  const tokens = context.tokensOf(statement);
  const i = tokens.findIndex((t) => t.start === at.start);
  if (i === -1) return at;
  const first = tokens[i]!;
  if (isKeyword(first, 'constraint') && isName(tokens[i + 1])) return { start: tokens[i + 1]!.start, end: tokens[i + 1]!.end };
  if ((isKeyword(first, 'foreign') || isKeyword(first, 'primary')) && isKeyword(tokens[i + 1], 'key')) return { start: first.start, end: tokens[i + 1]!.end };
  if (isKeyword(first, 'not') && isKeyword(tokens[i + 1], 'null')) return { start: first.start, end: tokens[i + 1]!.end };
  return { start: first.start, end: first.end };
}

/** The constraint's name as written (quotes kept), for suggestions; undefined for unnamed constraints. */
export function constraintNameText(context: RuleContext<any>, constraint: AstNode, statement: Statement): string | undefined {
  if (typeof constraint.conname !== 'string') return undefined;
  const at = context.rangeOf(constraint);
  const tokens = context.tokensOf(statement);
  const i = tokens.findIndex((t) => t.start === at.start);
  const name = tokens[i + 1];
  if (i === -1 || !isKeyword(tokens[i], 'constraint') || !isName(name) || name.value !== constraint.conname) return undefined;
  return name.text;
}

/**
 * The end of a table constraint or column definition that starts at `start`: the last token before
 * the next top-level comma of the statement (or its end).
 */
export function endOfClause(context: RuleContext<any>, statement: Statement, start: number): number | undefined {
  const tokens = context.tokensOf(statement);
  let depth = 0;
  let last: SqlToken | undefined;
  for (const token of tokens) {
    if (token.start < start) continue;
    if (isPunctuation(token, '(') || isPunctuation(token, '[')) depth++;
    if (isPunctuation(token, ')') || isPunctuation(token, ']')) {
      if (depth === 0) break;
      depth--;
    }
    if (depth === 0 && isPunctuation(token, ',')) break;
    last = token;
  }
  return last?.end;
}
