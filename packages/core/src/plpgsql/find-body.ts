// Is a parsed statement a PL/pgSQL body (`DO`, `CREATE FUNCTION/PROCEDURE … LANGUAGE plpgsql`),
// and where in its text is the string constant holding that body? The AST gives the body's value
// but not where it is written; the scanner's tokens of the statement give the constant, and the
// decoded constant must equal the AST's value, so a wrong pick cannot go unnoticed.

import type { AstNode } from '../types.js';
import { scanSql, type Token } from '../parser.js';
import { decodeStringLiteral, type DecodedLiteral } from './string-literal.js';

export interface BodySource {
  kind: 'do' | 'function' | 'procedure';
  name?: string;
  /** The body's value, from the AST. */
  value: string;
  /** The string-constant token holding it (UTF-8 byte offsets in the statement text). */
  token?: Token;
  literal?: DecodedLiteral;
}

/** Undefined when the statement is not PL/pgSQL code (another language, or not a routine). */
export function findBody(kind: string, node: AstNode, text: string): BodySource | undefined {
  const found = kind === 'DoStmt' ? doBody(node) : kind === 'CreateFunctionStmt' ? functionBody(node) : undefined;
  if (!found) return undefined;
  const tokens = scanSql(text);
  const candidates = tokens ? bodyTokenCandidates(tokens, found.kind) : [];
  for (const token of candidates) {
    const literal = decodeStringLiteral(token.text);
    if (!literal.ok) return { ...found, token, literal };
    if (literal.value === found.value) return { ...found, token, literal };
  }
  return found;
}

function doBody(node: AstNode): BodySource | undefined {
  let value: string | undefined;
  let language = 'plpgsql';
  for (const arg of (node.args ?? []) as AstNode[]) {
    const def = arg.DefElem as AstNode | undefined;
    if (def?.defname === 'as') value = def.arg?.String?.sval;
    if (def?.defname === 'language') language = String(def.arg?.String?.sval ?? '').toLowerCase();
  }
  if (language !== 'plpgsql' || value === undefined) return undefined;
  return { kind: 'do', value };
}

function functionBody(node: AstNode): BodySource | undefined {
  let value: string | undefined;
  let language: string | undefined;
  for (const option of (node.options ?? []) as AstNode[]) {
    const def = option.DefElem as AstNode | undefined;
    if (def?.defname === 'language') language = String(def.arg?.String?.sval ?? '').toLowerCase();
    // `AS 'body'` is a one-item list; `AS 'obj_file', 'symbol'` (C functions) has two.
    if (def?.defname === 'as') {
      const items = (def.arg?.List?.items ?? []) as AstNode[];
      if (items.length === 1) value = items[0]!.String?.sval;
    }
  }
  if (language !== 'plpgsql' || value === undefined) return undefined;
  const name = ((node.funcname ?? []) as AstNode[]).map((n) => n.String?.sval).join('.');
  return { kind: node.is_procedure ? 'procedure' : 'function', name, value };
}

/**
 * String constants that may hold the body, most likely first. `CREATE FUNCTION`: the constant right
 * after a top-level `AS`. `DO`: a top-level constant not right after `LANGUAGE`.
 */
function bodyTokenCandidates(tokens: Token[], kind: BodySource['kind']): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT') continue;
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0 && token.tokenName === 'SCONST') {
      const after = previous?.text.toLowerCase();
      if (kind === 'do' ? after !== 'language' : after === 'as') out.push(token);
    }
    previous = token;
  }
  return out;
}
