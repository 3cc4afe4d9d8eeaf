// `migralint init`: set migralint up in a project. It finds the migration histories (the same
// discovery a bare `migralint` run uses), reads each one's layout, and writes migralint.config.json
// with the preset that fits (`supabase` for Supabase, `recommended` otherwise) and the layout stated;
// with flags, a pre-commit entry and a GitHub workflow. It never overwrites a file without --force,
// and prints every file it wrote.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VERSION, type LayoutName } from '@migralint/core';
import { configForFile, searchPlaces } from '@migralint/config';
import { findHistories } from '../find-histories.js';
import { configLoaderFor, displayPath } from '../gather-files.js';
import type { CliIO } from '../io.js';
import { usageErrorOf, UsageError } from '../parse-args.js';
import { readHistory } from '../read-history.js';
import { reportFailure } from '../report-failure.js';
import { BASELINE_FILE } from '../baseline.js';

export const INIT_HELP = `Usage: migralint init [options]

Set migralint up in this project: find the migration histories, detect each one's runner, and write
migralint.config.json (preset "supabase" for Supabase, "recommended" otherwise, with the layout).

Options:
      --pre-commit   Also write .pre-commit-config.yaml with the migralint hook
      --github       Also write .github/workflows/migralint.yml (lint on every pull request)
      --baseline     Also accept the existing history's findings (migralint-baseline.json), so
                     that only new migrations must pass
      --force        Overwrite files that exist
  -h, --help         Show this help
`;

const CONFIG_FILE = 'migralint.config.json';
const SCHEMA_URL = 'https://unpkg.com/@migralint/config/schema/migralint.schema.json';

export async function runInitCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const { values } = parse(argv);
    debug = values.debug ?? false;
    if (values.help) {
      io.stdout.write(INIT_HELP);
      return 0;
    }
    const force = values.force ?? false;
    const histories = await findHistories(io.cwd);
    if (histories.length === 0) {
      throw new UsageError('no migrations folder found here or below; create one first (e.g. migralint new create_users --dir supabase/migrations --layout supabase), then run init');
    }
    const configFor = configLoaderFor(io.cwd, undefined);
    const found: Array<{ dir: string; layout: LayoutName | undefined; migrations: number }> = [];
    for (const history of histories) {
      const config = await configFor(history.dir);
      const set = await readHistory(io.cwd, history.dir, (file) => configForFile(config, path.resolve(io.cwd, file)).settings);
      found.push({ dir: displayPath(io.cwd, history.dir) || '.', layout: set?.layout, migrations: set?.migrations.length ?? 0 });
    }
    for (const h of found) io.stdout.write(`found ${h.dir}: ${h.layout ?? 'runner not recognised'}, ${h.migrations} migration${h.migrations === 1 ? '' : 's'}\n`);

    const written: string[] = [];
    const write = (file: string, content: string) => {
      const abs = path.join(io.cwd, file);
      if (fs.existsSync(abs) && !force) {
        io.stdout.write(`kept ${file}: it exists (--force overwrites it)\n`);
        return;
      }
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      written.push(file);
      io.stdout.write(`wrote ${file}\n`);
    };

    const other = searchPlaces.filter((f) => f !== CONFIG_FILE && f !== 'package.json').find((f) => fs.existsSync(path.join(io.cwd, f)));
    if (other && !force) io.stdout.write(`kept ${other}: this project already has a migralint config; ${CONFIG_FILE} not written (--force writes it)\n`);
    else write(CONFIG_FILE, configText(found));
    if (values['pre-commit']) {
      // An existing pre-commit config holds the project's other hooks: never replaced, even with --force.
      const existing = path.join(io.cwd, '.pre-commit-config.yaml');
      if (!fs.existsSync(existing)) write('.pre-commit-config.yaml', preCommitText());
      else if (fs.readFileSync(existing, 'utf8').includes('migralint/migralint')) io.stdout.write('kept .pre-commit-config.yaml: it already has the migralint hook\n');
      else io.stdout.write(`kept .pre-commit-config.yaml: it has other hooks; add this under "repos:":\n${preCommitText().split('\n').slice(2).join('\n')}`);
    }
    if (values.github) write('.github/workflows/migralint.yml', workflowText());

    const existing = found.reduce((n, h) => n + h.migrations, 0);
    if (values.baseline) {
      const { main } = await import('../main.js');
      const code = await main(['baseline'], io);
      if (code !== 0) return code;
      written.push(BASELINE_FILE);
    } else if (existing > 0 && !fs.existsSync(path.join(io.cwd, BASELINE_FILE))) {
      io.stdout.write(
        `\nThe history has ${existing} migration${existing === 1 ? '' : 's'} already. To adopt migralint without fixing old migrations, accept their findings: npx migralint baseline (only new findings fail after it; docs/getting-started.md).\n`,
      );
    }
    io.stdout.write(`\nNext: npx migralint${written.includes('.pre-commit-config.yaml') ? '; pre-commit install' : ''}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint init', debug, usageHint: 'Run "migralint init --help" for usage.' });
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        'pre-commit': { type: 'boolean' },
        github: { type: 'boolean' },
        baseline: { type: 'boolean' },
        force: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error, 'Run "migralint init --help" for usage.');
  }
}

/** The config: the preset that fits the histories, and each one's layout stated (no guessing later). */
export function configText(histories: ReadonlyArray<{ dir: string; layout: LayoutName | undefined }>): string {
  const layouts = [...new Set(histories.map((h) => h.layout).filter((l): l is LayoutName => l !== undefined && l !== 'plain'))];
  const config: Record<string, unknown> = { $schema: SCHEMA_URL, extends: [layouts.length === 1 && layouts[0] === 'supabase' ? 'supabase' : 'recommended'] };
  if (layouts.length === 1) config.settings = { layout: layouts[0] };
  else if (layouts.length > 1) {
    config.overrides = histories.filter((h) => h.layout && h.layout !== 'plain').map((h) => ({ files: [`${h.dir}/**`], settings: { layout: h.layout } }));
  }
  return `${JSON.stringify(config, null, 2)}\n`;
}

function preCommitText(): string {
  return `# pre-commit (https://pre-commit.com): run \`pre-commit install\` once. docs: migralint's docs/pre-commit.md
repos:
  - repo: https://github.com/migralint/migralint
    rev: v${VERSION}
    hooks:
      - id: migralint
`;
}

function workflowText(): string {
  return `# Lints the migrations of every pull request with migralint (written by \`migralint init --github\`).
name: migralint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  migralint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # --changed-since compares with the base branch
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # The whole history is analysed; on a pull request only the migrations it adds or changes are reported.
      - run: npx --yes migralint@${VERSION} \${{ github.event_name == 'pull_request' && format('--changed-since origin/{0}', github.base_ref) || '' }}
`;
}
