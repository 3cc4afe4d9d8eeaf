// `-- migralint-irreversible: <why and what is lost>`: the written statement that a migration
// cannot be rolled back, anywhere in the files of its up or its down. With a reason it makes the
// rollback rules accept the migration; without one it is itself a finding.
//
// Only comments count: a hit inside a string, a quoted name or a dollar-quoted body is not an
// annotation. Text between statements holds nothing but comments and `;`, and inside a statement
// the scanner's tokens (comments left out) tell what is code — so no lexer of our own.

import type { Migration, Range, SourceFile, SqlToken, Statement } from '@migralint/core';
import { filesOfMigration } from './history.js';

export const ANNOTATION = 'migralint-irreversible';

export interface IrreversibleAnnotation {
  file: string;
  /** The comment, from its `--` or `/*` to the end of the line or the comment. */
  range: Range;
  /** The text after `migralint-irreversible:`; undefined when there is none. */
  reason?: string;
}

export type TokensOf = (file: string, statement: Statement) => readonly SqlToken[];

export function annotationsIn(file: SourceFile, tokensOf: TokensOf): IrreversibleAnnotation[] {
  const text = file.text;
  const out: IrreversibleAnnotation[] = [];
  for (let at = text.indexOf(ANNOTATION); at !== -1; at = text.indexOf(ANNOTATION, at + ANNOTATION.length)) {
    const after = text[at + ANNOTATION.length];
    if (after !== undefined && /[\w-]/.test(after)) continue; // `migralint-irreversible-x` is another word
    if (!inComment(file, at, tokensOf)) continue;
    out.push(readAnnotation(file, at));
  }
  return out;
}

/** The annotations of every file of the migration. */
export function annotationsOf(migration: Migration, files: ReadonlyMap<string, SourceFile>, tokensOf: TokensOf): IrreversibleAnnotation[] {
  return filesOfMigration(migration).flatMap((path) => {
    const file = files.get(path);
    return file ? annotationsIn(file, tokensOf) : [];
  });
}

/** The migration says, with a reason, that it cannot be rolled back. */
export function isDeclaredIrreversible(migration: Migration, files: ReadonlyMap<string, SourceFile>, tokensOf: TokensOf): boolean {
  return annotationsOf(migration, files, tokensOf).some((a) => a.reason !== undefined);
}

function inComment(file: SourceFile, offset: number, tokensOf: TokensOf): boolean {
  const statement = file.statements.find((s) => s.start <= offset && offset < s.end);
  if (!statement) return true;
  if (statement.kind === 'ParseError') return false;
  return !tokensOf(file.path, statement).some((t) => t.start <= offset && offset < t.end);
}

function readAnnotation(file: SourceFile, at: number): IrreversibleAnnotation {
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const line = before.lastIndexOf('--');
  const block = before.lastIndexOf('/*');
  const isBlock = block > line;
  const start = lineStart + Math.max(line, block, 0);
  let end: number;
  if (isBlock) {
    const close = text.indexOf('*/', at);
    end = close === -1 ? text.length : close + 2;
  } else {
    const newline = text.indexOf('\n', at);
    end = newline === -1 ? text.length : newline;
  }
  let body = text.slice(at + ANNOTATION.length, isBlock && text.endsWith('*/', end) ? end - 2 : end);
  body = body.replace(/^\s*(?::|--)?/, '').replace(/\s+/g, ' ').trim();
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { file: file.path, range: { start, end }, ...(body ? { reason: body } : {}) };
}
