// One input file → everything the rules need: decoded text, statements with positions,
// directives, and the engine's own findings about the file (unreadable, empty, psql, syntax).

import type { LintMessage, SourceFile, SourceInput } from './types.js';
import { decodeSource } from './decode-source.js';
import { findDirectives, type Directive } from './directives.js';
import { Locator } from './locate.js';
import { createOffsetMap, type OffsetMap } from './offsets.js';
import { splitStatements } from './split-statements.js';
import { embedStatements } from './embed-statements.js';
import type { ReportDescriptor } from './types.js';

/** An engine finding before severity is known: the rule id and what to report. */
export interface EngineReport {
  ruleId: string;
  descriptor: ReportDescriptor & { at: { start: number; end: number } };
}

export interface FileState {
  path: string;
  source: SourceFile;
  map: OffsetMap;
  locator: Locator;
  directives: Directive[];
  engineReports: EngineReport[];
  messages: LintMessage[];
  unreadable: boolean;
  bytes: number;
}

export function prepareFile(input: SourceInput, sectionBreaks?: (text: string) => number[]): FileState {
  const bytes = typeof input.content === 'string' ? Buffer.byteLength(input.content) : input.content.byteLength;
  const decoded = decodeSource(input.content);
  if (!decoded.ok) {
    const content = input.content as Uint8Array;
    const line = 1 + content.subarray(0, decoded.byteOffset).filter((b) => b === 0x0a).length;
    const map = createOffsetMap('');
    return {
      path: input.path,
      source: { path: input.path, text: '', statements: [] },
      map,
      locator: new Locator('', map, []),
      directives: [],
      engineReports: [
        { ruleId: 'migralint/unreadable-file', descriptor: { messageId: decoded.reason, data: { offset: decoded.byteOffset, line }, at: { start: 0, end: 0 } } },
      ],
      messages: [],
      unreadable: true,
      bytes,
    };
  }
  const text = decoded.text;
  const map = createOffsetMap(text);
  const { statements, metaCommands, parseText } = splitStatements(text, map, sectionBreaks?.(text));
  embedStatements(statements);
  const engineReports: EngineReport[] = [];
  for (const meta of metaCommands) {
    engineReports.push({
      ruleId: 'migralint/psql-meta-command',
      descriptor: { messageId: 'metaCommand', data: { command: meta.command }, at: { start: meta.start, end: meta.end } },
    });
  }
  for (const statement of statements) {
    if (statement.kind !== 'ParseError' || !statement.error) continue;
    const placeholder = /\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}/s.exec(statement.text)?.[0];
    const offset = statement.error.offset;
    // At the `;` (after the statement's range), the `;` itself is underlined: never an empty range.
    const at = { start: offset, end: text[offset] === ';' ? offset + 1 : Math.max(offset, tokenEnd(text, offset, statement.end)) };
    engineReports.push({
      ruleId: 'migralint/parse-error',
      descriptor: placeholder
        ? { messageId: 'template', data: { message: statement.error.message, placeholder }, at }
        : { messageId: 'syntax', data: { message: statement.error.message }, at },
    });
  }
  if (statements.length === 0 && metaCommands.length === 0) {
    engineReports.push({ ruleId: 'migralint/empty-file', descriptor: { messageId: 'empty', at: { start: 0, end: 0 } } });
  }
  return {
    path: input.path,
    source: { path: input.path, text, statements },
    map,
    locator: new Locator(parseText, map, statements),
    directives: findDirectives(text, parseText, map, statements),
    engineReports,
    messages: [],
    unreadable: false,
    bytes,
  };
}

/** End of the word at `offset` (for underlining the token a syntax error points at). */
function tokenEnd(text: string, offset: number, limit: number): number {
  let end = offset;
  // Postgres' own whitespace (ASCII only): a no-break space or a stray BOM is part of the token it quotes.
  while (end < Math.max(limit, offset + 1) && end < text.length && !/[ \t\n\r\f\v;]/.test(text[end]!)) end++;
  return end;
}
