/**
 * The runner decides from a file's name whether and when a migration runs — the
 * `migrations/*` rules report names it skips or misreads. This rule is about the team's
 * convention on top: every name the runner accepts should also look like the others —
 * `20260219120000_add_profiles.sql`. A 12-digit timestamp sorts before every 14-digit one; a
 * hand-typed `20261345…` puts the migration at a guessed place; a timestamp in the future makes
 * every migration written until then "older" than one already applied, which Supabase's
 * `db push` refuses and golang-migrate silently skips; `Add Profiles.sql` needs quotes in every
 * script and collides with `add profiles.sql` on macOS.
 *
 * Per layout the default is what the runner's generator writes (Supabase, dbmate, Prisma: 14-digit
 * UTC timestamps; golang-migrate and goose: timestamps or zero-padded numbers; Flyway `V<ver>__`;
 * diesel `YYYY-MM-DD-HHmmss`), with a snake_case description; `pattern`, `timestampFormat` and
 * `case` set the team's own. Files of an unknown runner (`plain`) are checked only with `pattern`.
 */
import { defineRule, ruleDocsUrl, type LayoutName, type Migration, type MigrationSet, type ProjectContext } from '@migralint/core';
import { compilePattern, FILE_NAME_TEMPLATE_PATTERN, LAYOUT_CONVENTIONS, type CompiledPattern, type NameMatch } from '../file-name-patterns.js';
import { followsCase, NAME_CASES, toCase, type NameCase } from '../name-case.js';
import { compileFormat, DEFAULT_TIMESTAMP_FORMAT, formatDate, isZeroVersion, TIMESTAMP_FORMAT_PATTERN, type TimestampFormat } from '../timestamps.js';

/** One value for every layout, or values by layout (layouts not named keep their default). */
type PerLayout<T> = T | Partial<Record<LayoutName, T>>;

export interface MigrationFileNameOptions {
  /** The file-name template(s); default: the layout's own. */
  pattern?: PerLayout<string | string[]>;
  /** The format(s) of `{timestamp}`; default: the layout's own (`YYYYMMDDHHmmss` for most). */
  timestampFormat?: PerLayout<string | string[]>;
  case: NameCase;
  /** Only the histories of these layouts are checked; default: every layout. */
  layouts?: LayoutName[];
  /** The clock, for tests and reproducible runs (ISO 8601). Default: the current time. */
  now?: string;
}

/** A timestamp may be this far ahead of the clock: a local time written by hand is at most UTC+14. */
const FUTURE_TOLERANCE_MS = 14 * 60 * 60 * 1000;

const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$';

const LAYOUTS: LayoutName[] = [
  'supabase',
  'golang-migrate',
  'paired-down',
  'dbmate',
  'goose',
  'flyway',
  'sqitch',
  'prisma',
  'directory-per-migration',
  'drizzle',
  'plain',
];

/** A value, a list of them, or either by layout (`{ "supabase": "…" }`). */
const perLayout = (item: Record<string, unknown>) => {
  const oneOrMany = { anyOf: [item, { type: 'array', items: item, minItems: 1, uniqueItems: true }] };
  return {
    anyOf: [
      ...oneOrMany.anyOf,
      { type: 'object', propertyNames: { enum: LAYOUTS }, additionalProperties: oneOrMany, minProperties: 1 },
    ],
  };
};

interface Problem {
  messageId: string;
  data: Record<string, string | number>;
}

export default defineRule<MigrationFileNameOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require migration file names to follow the naming convention: a full, real, not-future timestamp and a description in one case style.',
      url: ruleDocsUrl('naming', 'migration-file-name'),
      why:
        'Versions of another width sort out of order, hand-typed or future timestamps put a migration at a guessed place in the ' +
        'history, and names with spaces or capitals break scripts and collide on case-insensitive file systems.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    messages: {
      mismatch:
        'File name "{{name}}" does not follow the naming convention {{pattern}}: a name out of convention sorts and reads unlike the rest of the history; rename it while the migration is unapplied',
      timestampFormat:
        'Timestamp "{{timestamp}}" is not a {{format}} timestamp like the other migrations: a version of another shape sorts out of order, so the migration runs before or after its neighbours by accident; rename it with a full {{format}} timestamp',
      invalidDate:
        'Timestamp "{{timestamp}}" is not a real date and time ({{reason}}): a hand-typed version puts the migration at a guessed place in the history; rename it with the time it was written',
      futureTimestamp:
        'Timestamp "{{timestamp}}" is in the future ({{date}}): every migration written before then sorts before this one, and runners that refuse or skip out-of-order migrations stop at them or skip them once it is applied; rename it with the current time',
      sequenceWidth:
        'Version "{{version}}" has {{digits}} digits where the other zero-padded versions here have {{width}}: sorted by name it lands out of numeric order; pad it to {{width}} digits',
      descriptionCase:
        'Description "{{description}}" is not {{case}}: one style keeps the history easy to read and search, and capitals collide on case-insensitive file systems; rename it to "{{suggested}}"',
      spaces:
        'Description "{{description}}" contains spaces: shell loops and scripts that apply migrations split such a name into several words; rename it to "{{suggested}}"',
      missingDescription:
        'The file name has no description after the version: the history then reads as numbers only; add a short {{case}} description of what the migration does',
    },
    schema: {
      type: 'object',
      properties: {
        pattern: {
          description:
            'File-name template(s), e.g. "{timestamp}_{description}.sql", for every layout or by layout ({ "supabase": "…" }); placeholders {timestamp}, {version}, {sequence}, {description}, {any}. Default: the layout\'s convention.',
          ...perLayout({ type: 'string', pattern: FILE_NAME_TEMPLATE_PATTERN }),
        },
        timestampFormat: {
          description:
            'Format(s) of {timestamp}, for every layout or by layout: YYYY MM DD HH mm ss with separators, or "unix". Default: the layout\'s (YYYYMMDDHHmmss for most).',
          ...perLayout({ type: 'string', pattern: TIMESTAMP_FORMAT_PATTERN }),
        },
        case: { enum: NAME_CASES, description: 'Case style of {description}.' },
        layouts: {
          type: 'array',
          items: { enum: LAYOUTS },
          minItems: 1,
          uniqueItems: true,
          description: 'Only the histories of these layouts are checked (`recommended` checks `supabase` only); default: every layout.',
        },
        now: { type: 'string', pattern: ISO_DATE, description: 'The current time for the future check (ISO 8601), for tests; default: the clock.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { case: 'snake_case' },
  },
  project(context) {
    const model = context.project.model;
    const now = context.options.now !== undefined ? Date.parse(context.options.now) : Date.now();
    for (const set of model.sets) checkSet(context, set, now);
  },
});

/** The option's value for `layout`, as a list; undefined when it gives none (the layout's default applies). */
function forLayout(value: PerLayout<string | string[]> | undefined, layout: LayoutName): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || Array.isArray(value)) return [value].flat();
  const own = value[layout];
  return own === undefined ? undefined : [own].flat();
}

function checkSet(context: ProjectContext<MigrationFileNameOptions>, set: MigrationSet, now: number): void {
  const { options } = context;
  if (options.layouts && !options.layouts.includes(set.layout)) return;
  const convention = LAYOUT_CONVENTIONS[set.layout];
  const patterns = forLayout(options.pattern, set.layout) ?? convention?.patterns;
  if (!patterns) return;
  const formats = (forLayout(options.timestampFormat, set.layout) ?? convention?.timestampFormats ?? [DEFAULT_TIMESTAMP_FORMAT]).map(compileFormat);
  const timestampSeparators = formats.map((f) => f.separators).join('');
  const compiled = patterns.map((p) => compilePattern(p, timestampSeparators, convention?.versionSeparators ?? '.'));
  const style = options.case ?? 'snake_case';

  const files = set.migrations.map((migration) => ({ migration, files: filesOf(migration).map((file) => ({ file, matches: matchAll(compiled, file) })) }));
  const conventions = setConventions(files.flatMap((m) => m.files.flatMap((f) => f.matches)), formats);

  for (const { files: migrationFiles } of files) {
    const reported = new Set<string>();
    for (const { file, matches } of migrationFiles) {
      const problems =
        matches.length === 0
          ? [mismatch(file, compiled)]
          : matches.map((m) => problemsOf(m, { formats, style, now, ...conventions })).reduce((best, next) => (next.length < best.length ? next : best));
      for (const problem of problems) {
        // The same problem in a migration's up and down (a shared folder or name) is reported once.
        const key = `${problem.messageId} ${JSON.stringify(problem.data)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          file,
          messageId: problem.messageId,
          data: problem.data,
          at: { start: 0, end: 0 },
          note:
            'If the migration is already applied somewhere, renaming it makes the runner see a new migration: keep the name and ' +
            'disable this rule for the file with a reason, or record it in the baseline.',
        });
      }
    }
  }
}

function filesOf(migration: Migration): string[] {
  return [...new Set([...migration.up, ...migration.down].map((part) => part.file))];
}

function matchAll(patterns: readonly CompiledPattern[], file: string): NameMatch[] {
  return patterns.flatMap((p) => p.match(file) ?? []);
}

function mismatch(file: string, patterns: readonly CompiledPattern[]): Problem {
  const segments = Math.max(...patterns.map((p) => p.segments));
  const name = file.split('/').slice(-segments).join('/');
  const shown = patterns.length === 1 ? `"${patterns[0]!.source}"` : `(one of ${patterns.map((p) => `"${p.source}"`).join(', ')})`;
  return { messageId: 'mismatch', data: { name, pattern: shown } };
}

interface SetConventions {
  /** Most versions of the set are timestamps: a plain number among them is a short timestamp. */
  timestampVersions: boolean;
  /** The width of zero-padded numbers, when the set pads them. */
  paddedWidth: number | undefined;
}

/** What the set's history says about its versions: timestamps or numbers, and how numbers are padded. */
function setConventions(matches: readonly NameMatch[], formats: readonly TimestampFormat[]): SetConventions {
  let timestamps = 0;
  let numbers = 0;
  const widths = new Map<number, number>();
  let padded = false;
  for (const { parts } of matches) {
    const version = parts.version;
    if (version !== undefined && !isZeroVersion(version)) {
      if (formats.some((f) => f.fits(version))) timestamps++;
      else if (/^[0-9]+$/.test(version)) numbers++;
    }
    const number = parts.sequence ?? (version !== undefined && /^[0-9]+$/.test(version) && !formats.some((f) => f.fits(version)) ? version : undefined);
    if (number !== undefined && !isZeroVersion(number)) {
      widths.set(number.length, (widths.get(number.length) ?? 0) + 1);
      if (number.length > 1 && number.startsWith('0')) padded = true;
    }
  }
  // The commonest width; on a tie, the one the history started with (a stable sort keeps first-seen order).
  const commonest = [...widths].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { timestampVersions: timestamps > numbers, paddedWidth: padded ? commonest : undefined };
}

interface CheckInput extends SetConventions {
  formats: readonly TimestampFormat[];
  style: NameCase;
  now: number;
}

function problemsOf(match: NameMatch, input: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const { parts } = match;
  if (parts.timestamp !== undefined) problems.push(...timestampProblems(parts.timestamp, input));
  if (parts.version !== undefined) {
    const version = parts.version;
    const digitsOnly = /^[0-9]+$/.test(version);
    if (isZeroVersion(version)) {
      // A baseline that sorts first, on purpose.
    } else if (input.formats.some((f) => f.fits(version)) || (digitsOnly && input.timestampVersions)) {
      problems.push(...timestampProblems(version, input));
    } else if (digitsOnly) problems.push(...sequenceProblems(version, input));
  }
  if (parts.sequence !== undefined && !isZeroVersion(parts.sequence)) problems.push(...sequenceProblems(parts.sequence, input));
  if (parts.description !== undefined) problems.push(...descriptionProblems(parts.description, input.style));
  return problems;
}

function timestampProblems(timestamp: string, { formats, now }: CheckInput): Problem[] {
  if (isZeroVersion(timestamp)) return [];
  const format = formats.find((f) => f.fits(timestamp));
  if (!format) return [{ messageId: 'timestampFormat', data: { timestamp, format: formats.map((f) => f.source).join(' or ') } }];
  const read = format.read(timestamp);
  if ('problem' in read) return [{ messageId: 'invalidDate', data: { timestamp, reason: read.problem } }];
  if (read.date.getTime() > now + FUTURE_TOLERANCE_MS) return [{ messageId: 'futureTimestamp', data: { timestamp, date: formatDate(read.date) } }];
  return [];
}

function sequenceProblems(version: string, { paddedWidth }: CheckInput): Problem[] {
  if (paddedWidth === undefined || version.length === paddedWidth) return [];
  return [{ messageId: 'sequenceWidth', data: { version, digits: version.length, width: paddedWidth } }];
}

function descriptionProblems(description: string, style: NameCase): Problem[] {
  if (description === '') return [{ messageId: 'missingDescription', data: { case: style === 'any' ? 'plain' : style } }];
  const suggested = toCase(description, style === 'any' ? 'any' : style);
  if (/\s/.test(description)) return [{ messageId: 'spaces', data: { description, suggested } }];
  if (!followsCase(description, style)) return [{ messageId: 'descriptionCase', data: { description, case: style, suggested } }];
  return [];
}
