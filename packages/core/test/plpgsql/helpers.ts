// Parses a file as the engine does and reads the PL/pgSQL bodies of its statements.
import { loadParser } from '../../src/parser.js';
import { createOffsetMap } from '../../src/offsets.js';
import { splitStatements } from '../../src/split-statements.js';
import { extractPlpgsql, type PlpgsqlBody } from '../../src/plpgsql/index.js';
import type { Range } from '../../src/types.js';

await loadParser();

export function bodies(text: string): PlpgsqlBody[] {
  const map = createOffsetMap(text);
  const { statements } = splitStatements(text, map);
  return statements.map(extractPlpgsql).filter((b): b is PlpgsqlBody => b !== undefined);
}

export function body(text: string): PlpgsqlBody {
  const all = bodies(text);
  if (all.length !== 1) throw new Error(`expected one body, got ${all.length}`);
  return all[0]!;
}

/** `line:column` of a range's start and end (1-based, UTF-16 columns), and the file text it covers. */
export function where(text: string, range: Range): { at: string; text: string } {
  const map = createOffsetMap(text);
  const a = map.point(range.start);
  const b = map.point(range.end);
  return { at: `${a.line}:${a.column}-${b.line}:${b.column}`, text: text.slice(range.start, range.end) };
}
