// `migralint plan [paths…]`: per migration, what it creates, alters and drops (tables, columns,
// indexes, constraints, policies, types, functions, …), read from the schema model — no database —
// with the risky items marked and the migration's static findings listed. Terminal text or JSON;
// `--changed-since REF` keeps the migrations whose files changed. See docs/plan.md.

import path from 'node:path';
import { loadParser } from '@migralint/core';
import { visibleLine } from '@migralint/reporter-terminal/visible-text';
import { runnerJson } from '@migralint/migrations';
import { readIntent } from '@migralint/rules-history';
import { parseArgs } from 'node:util';
import { buildPlan, formatPlan, readProject, type Plan } from '@migralint/verify';
import { changedSince } from '../git-changes.js';
import type { CliIO } from '../io.js';
import { parseFormat, usageErrorOf, type FormatRequest } from '../parse-args.js';
import { writeFileAtomic } from '../write-output.js';
import { displayPath, loadHistories } from '../gather-files.js';
import { reportFailure } from '../report-failure.js';
import { readStdinFile, STDIN_HELP, STDIN_OPTIONS, stdinRequestOf, type StdinRequest } from '../stdin-file.js';

export const PLAN_HELP = `Usage: migralint plan [options] [paths...]

Show what each migration creates, alters and drops — tables, columns (types, nullability, defaults),
indexes, constraints, row level security and policies, types, sequences, views, functions — from
migralint's schema model (no database), with the risky items marked (!) and the migration's
findings listed. Naming single files plans only their migrations (read against their whole history).

Options:
      --changed-since REF   Only the migrations whose files were added or changed since the git REF
  -f, --format NAME[=FILE]  terminal (default) or json. Repeatable.
  -c, --config FILE         Use this config file (its rules make the findings)
      --verbose             List the statements the schema model does not follow
      --color, --no-color   Force colour on or off
      --debug               Show stack traces of internal errors
${STDIN_HELP}  -h, --help                Show this help

Exit codes: 0 plan shown, 2 usage, config, unreadable file (the plan misses it) or internal error.
`;

interface PlanRequest extends StdinRequest {
  paths: string[];
  formats: FormatRequest[];
  changedSince?: string;
  config?: string;
  verbose: boolean;
  debug: boolean;
  color?: boolean;
  help: boolean;
}

export async function runPlanCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let request: PlanRequest | undefined;
  try {
    request = parsePlanArgs(argv);
    if (request.help) {
      io.stdout.write(PLAN_HELP);
      return 0;
    }
    return await plan(request, io);
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint plan', debug: request?.debug ?? argv.includes('--debug') });
  }
}

function parsePlanArgs(argv: readonly string[]): PlanRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'changed-since': { type: 'string' },
        format: { type: 'string', short: 'f', multiple: true },
        config: { type: 'string', short: 'c' },
        verbose: { type: 'boolean' },
        debug: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...STDIN_OPTIONS,
      },
    });
  } catch (error) {
    throw usageErrorOf(error, '(see "migralint plan --help")');
  }
  const { values, positionals } = parsed;
  const color = values['no-color'] ? false : values.color ? true : undefined;
  return {
    ...stdinRequestOf(values, positionals, 'plan'),
    paths: positionals,
    formats: (values.format ?? []).map((f) => parseFormat(f, ['terminal', 'json'])),
    ...(values['changed-since'] !== undefined ? { changedSince: values['changed-since'] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    verbose: values.verbose ?? false,
    debug: values.debug ?? false,
    ...(color !== undefined ? { color } : {}),
    help: values.help ?? false,
  };
}

async function plan(request: PlanRequest, io: CliIO): Promise<number> {
  const loaded = await loadHistories(io, request.paths, request.config, 'plan', await readStdinFile(request, io));
  let only = loaded.reported;
  if (request.changedSince !== undefined) {
    const changed = changedSince(io.cwd, request.changedSince);
    const candidates = only ?? new Set([...loaded.groups.values()].flat().map((f) => path.resolve(io.cwd, f.path)));
    only = new Set([...candidates].filter((f) => changed.has(f)));
  }
  const onlyFiles = only ? new Set([...only].map((abs) => displayPath(io.cwd, abs))) : undefined;

  const result: Plan = { version: 1, sets: [] };
  // readIntent scans comments with this bundle's parser (verify's package loads its own).
  await loadParser();
  // Files the engine could not read (binary, UTF-16, invalid UTF-8): the plan misses them, and says so.
  const unreadable: string[] = [];
  for (const [config, files] of loaded.groups) {
    const read = await readProject({ files, config, cwd: io.cwd, readAux: loaded.readAux, staticRules: 'all' });
    const planned = buildPlan(read, onlyFiles ? { onlyFiles } : {}).sets;
    // What the plan adds from outside the schema model: each history's runner, each migration's intent.
    const texts = new Map(files.map((f) => [f.path, Buffer.from(f.content).toString('utf8').replace(/^\uFEFF/, '')]));
    for (const set of planned) {
      const model = read.model.sets.find((s) => s.dir === set.dir);
      const runner = model && runnerJson(model);
      if (runner) set.runner = { runner: runner.runner, guessed: runner.guessed, evidence: runner.evidence, transaction: runner.transaction };
      for (const m of set.migrations) {
        const intent = m.up[0] !== undefined ? readIntent(texts.get(m.up[0]) ?? '')?.text : undefined;
        if (intent) m.intent = intent;
      }
    }
    result.sets.push(...planned);
    for (const file of read.result.files.filter((f) => f.unreadable)) {
      const message = file.messages.find((m) => m.ruleId === 'migralint/unreadable-file')?.message ?? 'cannot read this file';
      unreadable.push(`${file.path}: ${message}`);
    }
  }

  const color = request.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const formats = request.formats.length > 0 ? request.formats : [{ name: 'terminal' }];
  for (const target of formats) {
    const text =
      target.name === 'json'
        ? `${JSON.stringify(result, null, 2)}\n`
        : request.changedSince !== undefined && result.sets.every((s) => s.migrations.length === 0)
          ? `plan: no migration changed since ${request.changedSince}\n`
          : formatPlan(result, { color: target.file ? false : color, verbose: request.verbose });
    if (target.file) writeFileAtomic(path.resolve(io.cwd, target.file), text);
    else io.stdout.write(text);
  }
  if (unreadable.length === 0) return 0;
  for (const line of unreadable) io.stderr.write(`migralint plan: ${visibleLine(line)}\n`);
  io.stderr.write(`migralint plan: ${unreadable.length} unreadable file${unreadable.length > 1 ? 's' : ''}: the plan is incomplete (exit 2)\n`);
  return 2;
}

