// Migration file-name conventions as templates: `{timestamp}_{description}.sql`,
// `V{version}__{description}.sql`, `{timestamp}_{description}/migration.sql` (a pattern with `/`
// covers the migration's folder too). Each layout has a default — what its runner's own
// generator writes — and a `pattern` option replaces it for every layout.

import type { LayoutName } from '@migralint/core';
import { DEFAULT_TIMESTAMP_FORMAT, escapeClass, escapeRegExp } from './timestamps.js';

export type NamePart = 'timestamp' | 'version' | 'sequence' | 'description' | 'any';

/** JSON Schema pattern of a file-name template: literal text and the placeholders above. */
export const FILE_NAME_TEMPLATE_PATTERN = '^(?:[^{}]|\\{(?:timestamp|version|sequence|description|any)\\})+$';

export interface LayoutConvention {
  patterns: string[];
  timestampFormats: string[];
  /** Characters `{version}` may have between digit groups besides the timestamp format's (Flyway's `1.2`, `1_2`). */
  versionSeparators: string;
}

const GOLANG_MIGRATE = ['', '.postgres'].flatMap((dialect) =>
  ['', '.autocommit'].flatMap((autocommit) => ['up', 'down'].map((direction) => `{version}_{description}${dialect}${autocommit}.${direction}.sql`)),
);

/** What each runner's generator writes; `plain` (an unknown runner) has no convention until `pattern` gives one. */
export const LAYOUT_CONVENTIONS: Partial<Record<LayoutName, LayoutConvention>> = {
  supabase: convention(['{timestamp}_{description}.sql']),
  'paired-down': convention(['{timestamp}_{description}.sql', '{timestamp}_{description}.down.sql']),
  dbmate: convention(['{timestamp}_{description}.sql']),
  goose: convention(['{version}_{description}.sql']),
  'golang-migrate': convention(GOLANG_MIGRATE),
  flyway: convention(['V{version}__{description}.sql', 'U{version}__{description}.sql', 'R__{description}.sql'], [DEFAULT_TIMESTAMP_FORMAT], '._'),
  sqitch: convention(['{description}.sql', '{description}@{any}.sql']),
  prisma: convention(['{timestamp}_{description}/migration.sql']),
  'directory-per-migration': convention(
    ['{version}_{description}/up.sql', '{version}_{description}/down.sql', '{version}/up.sql', '{version}/down.sql'],
    ['YYYY-MM-DD-HHmmss', DEFAULT_TIMESTAMP_FORMAT],
  ),
  drizzle: convention(['{sequence}_{description}.sql', '{timestamp}_{description}/migration.sql']),
};

function convention(patterns: string[], timestampFormats = [DEFAULT_TIMESTAMP_FORMAT], versionSeparators = '.'): LayoutConvention {
  return { patterns, timestampFormats, versionSeparators };
}

export interface NameMatch {
  pattern: string;
  /** The path segments the pattern covers (`20240101_x/migration.sql`). */
  subject: string;
  parts: Partial<Record<NamePart, string>>;
}

export interface CompiledPattern {
  source: string;
  /** How many trailing path segments it covers. */
  segments: number;
  match(path: string): NameMatch | undefined;
}

/** A template as a regular expression; `separators` are the characters a timestamp or version may have between digit groups. */
export function compilePattern(source: string, timestampSeparators: string, versionSeparators: string): CompiledPattern {
  const digits = (separators: string) => (separators === '' ? '[0-9]+' : `[0-9]+(?:[${escapeClass(separators)}][0-9]+)*`);
  const group: Record<NamePart, string> = {
    timestamp: digits(timestampSeparators),
    version: digits(timestampSeparators + versionSeparators),
    sequence: '[0-9]+',
    description: '[^/]*',
    any: '[^/]*',
  };
  let regex = '';
  let last = 0;
  const seen = new Set<string>();
  for (const match of source.matchAll(/\{(timestamp|version|sequence|description|any)\}/g)) {
    regex += escapeRegExp(source.slice(last, match.index));
    const part = match[1] as NamePart;
    // A placeholder used twice must match the same text.
    regex += seen.has(part) ? `\\k<${part}>` : `(?<${part}>${group[part]})`;
    seen.add(part);
    last = match.index + match[0].length;
  }
  regex += escapeRegExp(source.slice(last));
  const compiled = new RegExp(`^${regex}$`, 'u');
  const segments = source.split('/').length;
  return {
    source,
    segments,
    match(path) {
      const subject = path.split('/').slice(-segments).join('/');
      const found = compiled.exec(subject);
      if (!found) return undefined;
      const parts: Partial<Record<NamePart, string>> = {};
      for (const [key, value] of Object.entries(found.groups ?? {})) if (value !== undefined) parts[key as NamePart] = value;
      return { pattern: source, subject, parts };
    },
  };
}
