// The next migration of a history: its version, its file names in the runner's convention and its
// content, from a template. Pure (no I/O): `migralint new` writes what this returns, and other
// callers (an MCP tool, an editor command) can call it without the CLI.

import type { LayoutName, MigrationSet } from '@migralint/core';
import { templateSql, whyHeader, type TemplateName, type TemplateNames } from './templates.js';

export interface NewMigrationRequest {
  /** The history's directory, `/`-separated (relative to wherever the caller resolves it). */
  dir: string;
  layout: LayoutName;
  /** The history as @migralint/migrations read it (undefined or empty: a first migration). */
  set?: Pick<MigrationSet, 'migrations'>;
  /** What the migration does, in words (`add profiles`, `add_profiles`): becomes the file name. */
  description: string;
  /** Why it exists (the feature, ticket or incident): the `-- Why:` header. Default: the description. */
  why?: string;
  /** The history's runner (`runnerOf(set).name`), where it writes a file marker of its own. */
  runner?: string;
  template?: TemplateName;
  /** Override what the template names (default: the table from the description). */
  names?: Partial<TemplateNames>;
  /** The clock (UTC); a timestamp version must sort after the latest. */
  now?: Date;
  /** sqitch: the plan's text, its project name, and who plans (`Name <email>`). */
  sqitchPlan?: string;
  planner?: string;
}

export interface PlannedFile {
  /** `dir`-joined path. */
  path: string;
  content: string;
  /** Append `content` to the existing file (sqitch.plan) instead of creating it. */
  append?: boolean;
}

export interface NewMigrationPlan {
  /** The (first) new migration's version and name. */
  version: string;
  name: string;
  /** Every file, in order (a template can make two migrations: the change, then its validation). */
  files: PlannedFile[];
}

/** A request the history cannot take (not after the latest, a layout whose tool writes migrations). */
export class NewMigrationError extends Error {}

const TIMESTAMP = /^\d{14}$/;

/** One migration to write: its name and SQL. */
interface Step {
  name: string;
  /** The `-- Why: …` line. */
  why: string;
  runner?: string | undefined;
  up: string;
  down: string;
  noTransaction: boolean;
}

export function planNewMigration(request: NewMigrationRequest): NewMigrationPlan {
  const name = snakeCase(request.description);
  if (!name) throw new NewMigrationError(`"${request.description}" has no letters or digits to name the migration with; describe the change, e.g. "add profiles"`);
  const template = request.template ?? 'blank';
  const supabase = request.layout === 'supabase' || (request.layout === 'paired-down' && request.dir.split('/').includes('supabase'));
  const names: TemplateNames = {
    table: request.names?.table ?? (supabase ? `public.${tableFrom(name)}` : tableFrom(name)),
    column: request.names?.column ?? defaultColumn(template),
    references: request.names?.references ?? (supabase ? 'public.users' : 'users'),
  };
  const sql = templateSql(template, names, { supabase });
  const why = whyHeader(request.why ?? request.description.replace(/_/g, ' '));
  const { runner } = request;
  const steps: Step[] = [{ name, why, runner, up: sql.up, down: sql.down, noTransaction: sql.noTransaction }];
  if (sql.then) steps.push({ name: `${name}_${sql.then.suffix}`, why, runner, up: sql.then.up, down: sql.then.down, noTransaction: false });

  if (request.layout === 'drizzle') throw new NewMigrationError('drizzle-kit writes this history from your schema: run `npx drizzle-kit generate` (or `--custom` for hand-written SQL)');
  if (request.layout === 'plain') {
    throw new NewMigrationError(
      `the runner of ${request.dir || 'this folder'} is not known, so neither is its file naming; state it with "settings": { "layout": "…" } in migralint.config.json (docs/layouts.md), or pass --layout`,
    );
  }
  const join = (file: string) => (request.dir ? `${request.dir}/${file}` : file);
  const now = request.now ?? new Date();
  if (request.layout === 'sqitch') return sqitchChanges(request, steps, now, join);

  const files: PlannedFile[] = [];
  let latest = (request.set?.migrations ?? []).filter((m) => !m.repeatable).at(-1)?.version;
  const versions: string[] = [];
  steps.forEach((step, i) => {
    // The second migration of a template sorts right after the first (one second later).
    const version = nextVersion(request.layout, new Date(now.getTime() + i * 1000), latest);
    versions.push(version);
    files.push(...filesOf(request.layout, version, step).map((f) => ({ ...f, path: join(f.path) })));
    latest = version;
  });
  return { version: versions[0]!, name, files };
}

/**
 * Runners that read a first-line marker to apply a migration outside a transaction (what
 * CONCURRENTLY needs); golang-migrate-style files of other runners have no such switch.
 */
const NO_TRANSACTION_MARKER: Record<string, string> = {
  sqlx: '-- no-transaction',
  'postgres-migrations': '-- postgres-migrations disable-transaction',
};

function header(step: Step): string {
  const marker = step.noTransaction ? NO_TRANSACTION_MARKER[step.runner ?? ''] : undefined;
  return `${marker ? `${marker}\n` : ''}${step.why}\n${step.up ? `\n${step.up}` : ''}`;
}

function downOf(step: Step): string {
  const marker = step.noTransaction ? NO_TRANSACTION_MARKER[step.runner ?? ''] : undefined;
  return `${marker ? `${marker}\n` : ''}-- Reverts the migration above.\n${step.down ? `\n${step.down}` : ''}`;
}

/** The files of one migration in the runner's naming. */
function filesOf(layout: LayoutName, version: string, step: Step): Array<{ path: string; content: string }> {
  const { name } = step;
  switch (layout) {
    case 'supabase':
      return [{ path: `${version}_${name}.sql`, content: header(step) }];
    case 'paired-down':
      return [
        { path: `${version}_${name}.sql`, content: header(step) },
        { path: `${version}_${name}.down.sql`, content: downOf(step) },
      ];
    case 'golang-migrate':
      return [
        { path: `${version}_${name}.up.sql`, content: header(step) },
        { path: `${version}_${name}.down.sql`, content: downOf(step) },
      ];
    case 'dbmate': {
      const options = step.noTransaction ? ' transaction:false' : '';
      return [{ path: `${version}_${name}.sql`, content: `-- migrate:up${options}\n${header(step)}\n-- migrate:down${options}\n${step.down}` }];
    }
    case 'goose':
      return [{ path: `${version}_${name}.sql`, content: `${step.noTransaction ? '-- +goose NO TRANSACTION\n' : ''}-- +goose Up\n${header(step)}\n-- +goose Down\n${step.down}` }];
    case 'flyway':
      return [
        { path: `V${version}__${name}.sql`, content: header(step) },
        { path: `U${version}__${name}.sql`, content: downOf(step) },
      ];
    case 'prisma':
      return [{ path: `${version}_${name}/migration.sql`, content: header(step) }];
    default:
      // diesel's `YYYY-MM-DD-HHMMSS_name/up.sql` + `down.sql`.
      return [
        { path: `${version}_${name}/up.sql`, content: header(step) },
        { path: `${version}_${name}/down.sql`, content: downOf(step) },
      ];
  }
}

/** The version after `latest` in the runner's scheme, or an error when the clock is not after it. */
function nextVersion(layout: LayoutName, now: Date, latest: string | undefined): string {
  switch (layout) {
    case 'golang-migrate':
      return nextNumbered(now, latest, 6);
    case 'goose':
      return nextNumbered(now, latest, 5);
    case 'flyway':
      return nextFlywayVersion(latest);
    case 'directory-per-migration': {
      const stamp = timestamp(now);
      if (latest !== undefined && compareNumeric(stamp, latest.replace(/\D/g, '').slice(0, 14)) <= 0) throw notAfter(stamp, latest);
      return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}-${stamp.slice(8)}`;
    }
    default:
      return nextTimestamp(now, latest);
  }
}

function sqitchChanges(request: NewMigrationRequest, steps: Step[], now: Date, join: (f: string) => string): NewMigrationPlan {
  const plan = request.sqitchPlan ?? '';
  const changes = plan.split('\n').filter((l) => /^[^%#@\s]/.test(l)).map((l) => l.split(/\s/)[0]);
  const project = /^%project=(\S+)/m.exec(plan)?.[1] ?? 'app';
  const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const planner = request.planner ?? 'migralint <migralint@localhost>';
  const note = request.description.replace(/\s+/g, ' ').trim();
  // sqitch runs scripts with psql in autocommit: the transaction is the script's own BEGIN/COMMIT,
  // left out where the statement cannot run inside one.
  const wrap = (body: string, step: Step) => (body && !step.noTransaction && !body.startsWith('-- migralint-irreversible') ? `BEGIN;\n\n${body}\nCOMMIT;\n` : body);
  let lines = plan === '' ? `%syntax-version=1.0.0\n%project=${project}\n\n` : plan.endsWith('\n') ? '' : '\n';
  const files: PlannedFile[] = [];
  let previous = changes.at(-1);
  for (const step of steps) {
    if (changes.includes(step.name)) throw new NewMigrationError(`sqitch.plan already has a change named "${step.name}"; choose another description (sqitch reworks a change with \`sqitch rework\`)`);
    lines += `${step.name}${previous ? ` [${previous}]` : ''} ${iso} ${planner} # ${note}\n`;
    files.push(
      { path: join(`deploy/${step.name}.sql`), content: `-- Deploy ${project}:${step.name} to pg\n${step.why}\n\n${wrap(step.up, step)}` },
      { path: join(`revert/${step.name}.sql`), content: `-- Revert ${project}:${step.name} from pg\n\n${wrap(step.down, step)}` },
      { path: join(`verify/${step.name}.sql`), content: `-- Verify ${project}:${step.name} on pg\n\nBEGIN;\n\nROLLBACK;\n` },
    );
    previous = step.name;
  }
  return { version: steps[0]!.name, name: steps[0]!.name, files: [{ path: join('sqitch.plan'), content: lines, append: plan !== '' }, ...files] };
}

/** `Add Profiles!` → `add_profiles`. */
export function snakeCase(description: string): string {
  return description
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `add_profiles` → `profiles`; `create_table_orders` → `orders`. */
function tableFrom(name: string): string {
  const rest = name.replace(/^(add|create|new|make|index|backfill)_(table_)?/, '').replace(/_table$/, '');
  return /^[a-z_]/.test(rest) ? rest : `t_${rest}`;
}

function defaultColumn(template: TemplateName): string {
  return template === 'foreign-key' ? 'user_id' : template === 'not-null' ? 'name' : 'created_at';
}

/** `YYYYMMDDHHMMSS` in UTC. */
export function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

function nextTimestamp(now: Date, latest: string | undefined): string {
  const version = timestamp(now);
  if (latest === undefined || compareNumeric(version, latest) > 0) return version;
  // Several `new` in one second (a template's two steps, a script): the next second. A latest
  // version further ahead than that is a clock or naming problem, and is refused.
  const latestTime = TIMESTAMP.test(latest) ? Date.UTC(+latest.slice(0, 4), +latest.slice(4, 6) - 1, +latest.slice(6, 8), +latest.slice(8, 10), +latest.slice(10, 12), +latest.slice(12, 14)) : NaN;
  if (latestTime - now.getTime() < 60_000) return timestamp(new Date(latestTime + 1000));
  throw notAfter(version, latest);
}

/** A sequence keeps its width (`000010` → `000011`); a history of timestamps gets a timestamp. */
function nextNumbered(now: Date, latest: string | undefined, width: number): string {
  if (latest === undefined) return '1'.padStart(width, '0');
  if (TIMESTAMP.test(latest)) return nextTimestamp(now, latest);
  if (!/^\d+$/.test(latest)) throw new NewMigrationError(`the latest version "${latest}" is not a number; name the file by hand`);
  return (BigInt(latest) + 1n).toString().padStart(latest.length, '0');
}

/** Flyway: the last part goes up by one (`2` → `3`, `1.10` → `1.11`, `1_2` → `1_3`). */
function nextFlywayVersion(latest: string | undefined): string {
  if (latest === undefined) return '1';
  const match = /^(.*?)(\d+)$/.exec(latest);
  if (!match) throw new NewMigrationError(`the latest Flyway version "${latest}" does not end in a number; name the file by hand`);
  return `${match[1]}${BigInt(match[2]!) + 1n}`;
}

function compareNumeric(a: string, b: string): number {
  const x = BigInt(a.replace(/\D/g, '') || '0');
  const y = BigInt(b.replace(/\D/g, '') || '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

function notAfter(version: string, latest: string): NewMigrationError {
  return new NewMigrationError(
    `the new version ${version} (now, UTC) is not after the latest migration's ${latest}; a runner skips or refuses a migration that sorts before one already applied — check the clock, or the latest file's name`,
  );
}
