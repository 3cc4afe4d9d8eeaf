// `migralint new <description>`: creates the next migration of the project's history, named the way
// its runner wants, from a template (packages/cli/src/new-migration/). The history and its layout
// come from the same reading the linter does (@migralint/migrations), so the file it writes is one
// the runner and the linter agree on.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LayoutName } from '@migralint/core';
import { runnerOf } from '@migralint/migrations';
import { configForFile } from '@migralint/config';
import { configLoaderFor, displayPath } from '../gather-files.js';
import type { CliIO } from '../io.js';
import { planNewMigration, NewMigrationError } from '../new-migration/plan-new-migration.js';
import { TEMPLATES, type TemplateName } from '../new-migration/templates.js';
import { findHistories } from '../find-histories.js';
import { readHistory } from '../read-history.js';
import { usageErrorOf, UsageError } from '../parse-args.js';
import { reportFailure } from '../report-failure.js';

export const NEW_HELP = `Usage: migralint new <description> [options]

Create the next migration of this project's history, named as its runner wants (Supabase, golang-
migrate, dbmate, goose, Flyway, sqitch, Prisma, diesel), with its down where the runner has one.
Every file starts with a "-- Why:" line (from --why, else the description): make it say the reason.

Options:
  -t, --template NAME   ${TEMPLATES.join(', ')} (default: blank). Each is the safe way to make that
                        change, with its down: table (identity key, timestamps; RLS and owner/admin
                        policies on Supabase), index (CONCURRENTLY, outside a transaction),
                        foreign-key (NOT VALID, then VALIDATE), not-null (validated CHECK, then
                        SET NOT NULL)
      --table NAME      The table the template changes (default: from the description)
      --column NAME     The column (index, foreign-key, not-null)
      --references NAME The referenced table (foreign-key)
      --why TEXT        Why the migration exists (the feature, ticket or incident), for its header
      --dir DIR         The migrations folder (default: the one history found here)
      --layout NAME     The runner's layout, for a folder with no migrations yet
  -c, --config FILE     Use this config file
      --dry-run         Write nothing: show the files it would create
      --format json     Print the plan (version, name, files with their content) as JSON
  -h, --help            Show this help
`;

export async function runNewCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parse(argv);
    debug = values.debug ?? false;
    if (values.help) {
      io.stdout.write(NEW_HELP);
      return 0;
    }
    const description = positionals.join(' ').trim();
    if (!description) throw new UsageError('say what the migration does: migralint new <description>, e.g. migralint new add profiles --template table');
    const template = values.template ?? 'blank';
    if (!(TEMPLATES as readonly string[]).includes(template)) throw new UsageError(`unknown template "${template}"; use one of: ${TEMPLATES.join(', ')}`);

    const dir = values.dir !== undefined ? path.resolve(io.cwd, values.dir) : await onlyHistory(io.cwd);
    const rel = displayPath(io.cwd, dir);
    const config = await configLoaderFor(io.cwd, values.config)(dir);
    const set = await readHistory(io.cwd, dir, (file) => configForFile(config, path.resolve(io.cwd, file)).settings);
    const layout = (values.layout ?? set?.layout ?? config.settings.layout ?? layoutOfEmptyFolder(rel)) as LayoutName | undefined;
    if (!layout) {
      throw new UsageError(`${rel} has no migrations to tell its runner from; pass --layout (supabase, golang-migrate, dbmate, goose, flyway, sqitch, prisma, paired-down)`);
    }
    const sqitchPlanFile = path.join(dir, 'sqitch.plan');
    const plan = planNewMigration({
      dir: rel,
      layout,
      ...(set ? { set } : {}),
      description,
      template: template as TemplateName,
      names: { ...(values.table ? { table: values.table } : {}), ...(values.column ? { column: values.column } : {}), ...(values.references ? { references: values.references } : {}) },
      ...(values.why !== undefined ? { why: values.why } : {}),
      ...(set && runnerOf(set) ? { runner: runnerOf(set)!.name } : {}),
      ...(layout === 'sqitch' ? { sqitchPlan: fs.existsSync(sqitchPlanFile) ? fs.readFileSync(sqitchPlanFile, 'utf8') : '', planner: gitPlanner(io.cwd) } : {}),
    });
    // Never overwrite: a clash means the same name twice in one second, or a hand-made file.
    for (const file of plan.files) {
      if (!file.append && fs.existsSync(path.resolve(io.cwd, file.path))) throw new UsageError(`${file.path} already exists; nothing was written`);
    }
    const json = values.format === 'json';
    if (values.format !== undefined && !json) throw new UsageError(`--format takes json, got "${values.format}"`);
    if (values['dry-run']) {
      io.stdout.write(json ? `${JSON.stringify({ ...plan, written: false }, null, 2)}\n` : plan.files.map((f) => `would ${f.append ? 'update' : 'create'} ${f.path}:\n${f.content}`).join('\n'));
      return 0;
    }
    for (const file of plan.files) {
      const abs = path.resolve(io.cwd, file.path);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      if (file.append) fs.appendFileSync(abs, file.content);
      else fs.writeFileSync(abs, file.content, { flag: 'wx' });
      if (!json) io.stdout.write(`${file.append ? 'updated' : 'created'} ${file.path}\n`);
    }
    if (json) io.stdout.write(`${JSON.stringify({ ...plan, written: true }, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NewMigrationError) error = new UsageError(error.message);
    return reportFailure(error, io, { prefix: 'migralint new', debug, usageHint: 'Run "migralint new --help" for usage.' });
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        template: { type: 'string', short: 't' },
        table: { type: 'string' },
        column: { type: 'string' },
        references: { type: 'string' },
        dir: { type: 'string' },
        layout: { type: 'string' },
        config: { type: 'string', short: 'c' },
        why: { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error, 'Run "migralint new --help" for usage.');
  }
}

/** The history `new` adds to when no --dir is given: there must be exactly one. */
async function onlyHistory(cwd: string): Promise<string> {
  const histories = await findHistories(cwd);
  if (histories.length === 1) return histories[0]!.dir;
  if (histories.length === 0) throw new UsageError('no migrations folder found here; pass --dir (and --layout for a new folder), or run "migralint init"');
  throw new UsageError(`${histories.length} migration histories here (${histories.map((h) => displayPath(cwd, h.dir)).join(', ')}); say which with --dir`);
}

/** A folder with nothing in it yet: its conventional path says the runner, or nothing does. */
function layoutOfEmptyFolder(rel: string): LayoutName | undefined {
  if (/(^|\/)supabase\/migrations$/.test(rel)) return 'supabase';
  if (/(^|\/)prisma\/migrations$/.test(rel)) return 'prisma';
  return undefined;
}

/** sqitch records who planned a change; git's identity is the usual one. */
function gitPlanner(cwd: string): string | undefined {
  try {
    const git = (key: string) => execFileSync('git', ['config', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const name = git('user.name');
    const email = git('user.email');
    return name && email ? `${name} <${email}>` : undefined;
  } catch {
    return undefined;
  }
}
