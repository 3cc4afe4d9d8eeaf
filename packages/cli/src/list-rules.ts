// `migralint rules`: every known rule with its metadata, read from `meta` (never from the code).
import { catalogRules, RuleResolver, type ResolvedConfig } from '@migralint/core';
import { visibleLine } from '@migralint/reporter-terminal/visible-text';

export function listRules(config: ResolvedConfig, format: 'text' | 'json'): string {
  const catalog = catalogRules(config.plugins);
  const active = new Map(new RuleResolver(config, catalog).forFile(config.root + '/\0').rules.map((r) => [r.id, r]));
  const rows = [...catalog.rules].map(([id, rule]) => ({
    id,
    ...rule.meta,
    description: rule.meta.docs.description,
    url: rule.meta.docs.url,
    severity: active.get(id)?.severity ?? 'off',
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${visibleLine(r.id).padEnd(width)}  ${r.severity.padEnd(7)}  ${r.recommended ? 'recommended' : '           '}  ${visibleLine(r.description)}`);
  return `${lines.join('\n')}\n\n${rows.length} rules; severity is what the current config uses (off = not enabled).\n`;
}
