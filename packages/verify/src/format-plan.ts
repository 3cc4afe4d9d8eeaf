// The plan as terminal text: one block per migration, `+` create, `~` alter, `-` drop, `>` rename,
// a `!` line under each risky item, then the migration's static findings.

import type { Plan, PlannedChange } from './plan.js';

export interface PlanFormatOptions {
  color?: boolean;
  /** List the statements the schema model does not follow. */
  verbose?: boolean;
}

const SIGN = { create: '+', alter: '~', drop: '-', rename: '>' } as const;

export function formatPlan(plan: Plan, options: PlanFormatOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const red = (t: string) => paint(31, t);
  const yellow = (t: string) => paint(33, t);
  const green = (t: string) => paint(32, t);
  const dim = (t: string) => paint(2, t);
  const bold = (t: string) => paint(1, t);
  const lines: string[] = [];
  if (plan.sets.length === 0) return 'plan: no migration history found (or nothing changed)\n';

  const change = (c: PlannedChange, indent: string) => {
    const sign = SIGN[c.action];
    const colour = c.action === 'drop' ? red : c.action === 'create' ? green : yellow;
    lines.push(`${indent}${colour(sign)} ${c.kind} ${c.name}${c.detail ? dim(`: ${c.detail}`) : ''}`);
    if (c.risk) lines.push(`${indent}  ${red('!')} ${c.risk}`);
    for (const child of c.changes ?? []) change(child, `${indent}    `);
  };

  for (const set of plan.sets) {
    const shown = set.migrations.length === set.total ? `${set.total} migration${set.total === 1 ? '' : 's'}` : `${set.migrations.length} of ${set.total} migrations`;
    lines.push(bold(`${set.dir} (${set.layout}): ${shown}`), '');
    for (const m of set.migrations) {
      const title = m.name && m.name !== m.version ? `${m.version} ${m.name}` : m.version;
      const risky = m.risky > 0 ? red(` — ${m.risky} risky`) : '';
      lines.push(`${bold(title)}${risky}  ${dim(m.up.join(', '))}${m.down.length ? dim(`  down: ${m.down.join(', ')}`) : ''}`);
      if (m.intent) lines.push(`  why: ${m.intent}`);
      if (m.changes.length === 0) lines.push(dim('  no schema change'));
      for (const c of m.changes) change(c, '  ');
      for (const f of m.findings) {
        const level = f.severity === 'error' ? red('error') : yellow('warning');
        lines.push(`  ${level} ${f.file}:${f.line}:${f.column} ${f.message} ${dim(f.ruleId)}`);
      }
      if (m.unmodelled.length > 0) {
        lines.push(dim(`  ${m.unmodelled.length} statement${m.unmodelled.length === 1 ? '' : 's'} the schema model does not follow; their effect is not shown${options.verbose ? ':' : ' (--verbose lists them)'}`));
        if (options.verbose) for (const u of m.unmodelled) lines.push(dim(`    ${u.file}:${u.line} ${u.kind}: ${u.reason}`));
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
