// driver.rules: one reportingDescriptor per enabled rule (and per rule that has a result even if it
// is not in the catalog), sorted by id so the file diffs cleanly between runs. GitHub code scanning
// shows shortDescription/fullDescription at the top of an alert and `help` beside it, and reads
// `precision` and `problem.severity` from the property bag.

import type { LintResult, RuleMeta, Severity } from '@migralint/core';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-log.js';

type CatalogRule = LintResult['rules'][string];

export interface RuleTable {
  descriptors: SarifReportingDescriptor[];
  indexOf: Map<string, number>;
}

export function buildRuleTable(result: LintResult, reportedRuleIds: Iterable<string>): RuleTable {
  const ids = new Set(Object.values(result.rules).filter((rule) => rule.enabled).map((rule) => rule.id));
  for (const id of reportedRuleIds) ids.add(id);
  const sorted = [...ids].sort();
  return {
    descriptors: sorted.map((id) => toDescriptor(id, result.rules[id])),
    indexOf: new Map(sorted.map((id, index) => [id, index])),
  };
}

export function toSarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

function toDescriptor(id: string, rule: CatalogRule | undefined): SarifReportingDescriptor {
  const pack = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
  const severity: Severity = rule?.defaultSeverity ?? 'warning';
  const description = sentence(rule?.docs.description ?? `Finding of the rule ${id}.`);
  const why = rule?.docs.why ? sentence(rule.docs.why) : undefined;
  const url = rule?.docs.url;
  return {
    id,
    name: pascalCase(id.slice(id.indexOf('/') + 1)),
    shortDescription: { text: description },
    fullDescription: { text: why ? `${description} ${why}` : description },
    help: helpText(id, description, why, url, rule?.sources),
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: toSarifLevel(severity) },
    properties: {
      tags: ['migration', 'postgresql', pack],
      // Rules match the parsed statement, not heuristics over text: a finding is what it says.
      precision: rule?.type === 'problem' ? 'very-high' : 'high',
      'problem.severity': severity === 'info' ? 'recommendation' : severity,
    },
  };
}

function helpText(id: string, description: string, why: string | undefined, url: string | undefined, sources: RuleMeta['sources']): { text: string; markdown: string } {
  const same = sources?.length ? `Same check as ${sources.map((s) => `${s.tool} ${s.rule}`).join(', ')}.` : undefined;
  const text = [description, why, same, url ? `The safe way to make this change, and examples: ${url}` : undefined];
  // Rule docs are written in Markdown already (`code` spans in descriptions), so they go in as they are.
  const markdown = [
    `**${description}**`,
    why,
    same,
    url ? `See [${id}](${url}) for the safe way to make this change, with examples.` : undefined,
  ];
  return { text: text.filter(Boolean).join('\n\n'), markdown: markdown.filter(Boolean).join('\n\n') };
}

/** `no-drop-column` → `NoDropColumn`: SARIF's `name` is an identifier-like form of the id. */
export function pascalCase(ruleName: string): string {
  return ruleName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** SARIF tooling expects descriptions to be sentences ending in a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
