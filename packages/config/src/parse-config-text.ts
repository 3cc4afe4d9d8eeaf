// Loaders for config text with errors a user can act on: the file, the 1-based line and column, and
// the parser's reason, on one line. (cosmiconfig's own loaders add code frames over several lines and,
// for some JSON errors, no position at all.)

import { defaultLoaders } from 'cosmiconfig';
import { ConfigError } from './config-error.js';

export function parseJsonConfig(text: string, file: string, filepath: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    const offset = jsonErrorOffset(source, (error as Error).message);
    const { line, column } = lineAndColumn(source, offset);
    throw new ConfigError(`${file}:${line}:${column}: invalid JSON: ${reason}`, { filepath, cause: error });
  }
}

export function parseYamlConfig(text: string, file: string, filepath: string): unknown {
  try {
    return defaultLoaders['.yaml'](filepath, text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // js-yaml's YAMLException carries `reason` and a 0-based `mark`.
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    const where = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
    throw new ConfigError(`${file}${where}: invalid YAML: ${reason ?? (error as Error).message}`, { filepath, cause: error });
  }
}

/**
 * Where JSON.parse gave up. V8 says "at position N" for most errors but not for "Unexpected token";
 * then find the longest prefix that is still valid so far (it fails only because it ends early:
 * "Unexpected end", or an error at the very end). Validity of a prefix is monotone, so a binary
 * search finds the offending character.
 */
function jsonErrorOffset(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  const validSoFar = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const reason = (error as Error).message;
      const position = /at position (\d+)/.exec(reason);
      return /Unexpected end of JSON input/.test(reason) || (position !== null && Number(position[1]) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (validSoFar(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
