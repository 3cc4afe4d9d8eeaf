// sqitch: the order is the plan (`sqitch.plan`), not file names. Each change `name` has
// `deploy/name.sql` (up), `revert/name.sql` (down) and `verify/name.sql` (a check, not a
// migration). A change reworked after tag `@v1` keeps its old scripts as `deploy/name@v1.sql`.
// sqitch runs every script with `psql --file` and no transaction of its own
// (App::Sqitch::Engine::pg run_file), which is why sqitch's templates write BEGIN … COMMIT.

import type { LayoutFinding, Migration, MigrationPart } from '@migralint/core';
import { compareNames } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';
import { numbered, pathIn, type Companion, type DirectoryFile, type LayoutAdapter } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { outsideTransaction } from './runner-transactions.js';

const SQITCH_MODE = outsideTransaction('sqitch runs each script with psql --file, statement by statement, unless the script opens its own BEGIN … COMMIT.');

interface PlanChange {
  name: string;
  /** The script name: `name`, or `name@tag` for a reworked change's earlier version. */
  script: string;
}

export const sqitch: LayoutAdapter = {
  layout: 'sqitch',
  supportsDown: true,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const companions: Companion[] = [];
    const scripts = new Map<string, Partial<Record<'deploy' | 'revert' | 'verify', DirectoryFile>>>();
    for (const f of directory.files) {
      const slash = f.rel.indexOf('/');
      const kind = f.rel.slice(0, slash);
      if (slash < 0 || (kind !== 'deploy' && kind !== 'revert' && kind !== 'verify') || !f.rel.endsWith('.sql')) {
        findings.push(layoutFinding('skipped-file', f.source.path, 'sqitchOutside', { dir: directory.dir }));
        continue;
      }
      const script = f.rel.slice(slash + 1, -'.sql'.length);
      const entry = scripts.get(script) ?? {};
      entry[kind] = f;
      scripts.set(script, entry);
    }

    const planPath = pathIn(directory.dir, 'sqitch.plan');
    const planText = directory.readAux(planPath);
    const anyFile = directory.files[0]!.source.path;
    let plan: PlanChange[];
    if (planText === undefined) {
      findings.push(layoutFinding('plan-mismatch', anyFile, 'noPlan', { dir: directory.dir }));
      plan = [...scripts.keys()].filter((s) => scripts.get(s)!.deploy).sort(compareNames).map((s) => ({ name: s, script: s }));
    } else {
      plan = parsePlan(planText);
    }

    const migrations: Migration[] = [];
    const planned = new Set<string>();
    for (const change of plan) {
      planned.add(change.script);
      const entry = scripts.get(change.script);
      if (!entry?.deploy) {
        const near = entry?.revert ?? entry?.verify;
        findings.push(
          layoutFinding('plan-mismatch', near?.source.path ?? anyFile, 'missingScript', { plan: planPath, change: change.script, script: pathIn(directory.dir, `deploy/${change.script}.sql`) }),
        );
        continue;
      }
      const part = (file: DirectoryFile, direction: 'up' | 'down'): MigrationPart => ({ file: file.source.path, direction, range: wholeFile(file.source), ...SQITCH_MODE });
      const migration: Migration = { index: 0, version: change.script, name: change.name, up: [part(entry.deploy, 'up')], down: entry.revert ? [part(entry.revert, 'down')] : [] };
      migrations.push(migration);
      if (entry.verify) companions.push({ file: entry.verify.source.path, role: 'verify', migration, why: 'sqitch verify script' });
    }
    for (const [script, entry] of scripts) {
      if (planned.has(script)) continue;
      for (const f of [entry.deploy, entry.revert, entry.verify]) {
        if (f) findings.push(layoutFinding('plan-mismatch', f.source.path, 'notInPlan', { plan: planPath, change: script }));
      }
    }
    return { migrations: numbered(migrations), findings, companions };
  },
};

/** The changes of a plan in order; reworked changes get their `name@tag` script names. */
export function parsePlan(text: string): PlanChange[] {
  const changes: Array<PlanChange & { tagsAfter: string[] }> = [];
  const lastByName = new Map<string, PlanChange & { tagsAfter: string[] }>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%')) continue;
    if (line.startsWith('@')) {
      const tag = line.slice(1).split(/\s/)[0]!;
      for (const change of changes) change.tagsAfter.push(tag);
      continue;
    }
    const name = line.split(/\s/)[0]!.replace(/^[+-]/, '');
    const earlier = lastByName.get(name);
    // A rework: the earlier version's scripts are named after the first tag that followed it.
    if (earlier && earlier.tagsAfter[0]) earlier.script = `${name}@${earlier.tagsAfter[0]}`;
    const change = { name, script: name, tagsAfter: [] as string[] };
    changes.push(change);
    lastByName.set(name, change);
  }
  return changes.map(({ name, script }) => ({ name, script }));
}
