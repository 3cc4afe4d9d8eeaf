// After every rule has reported: mark the findings that directives suppress (they stay in the
// result, with the reason, for JSON and SARIF), then report the directives themselves — unknown,
// without a reason, unused, or not allowed by the config's `noInlineDisable`.

import type { ReportDescriptor } from './types.js';
import type { RuleCatalog } from './active-rules.js';
import { closestName } from './closest-name.js';
import { DIRECTIVE_RULES } from './core-plugin.js';
import { matchesRulePattern, matchingEntry, type Directive } from './directives.js';
import type { FileState } from './prepare-file.js';

type Report = (ruleId: string, descriptor: ReportDescriptor) => void;

export function applyDirectives(state: FileState, catalog: RuleCatalog, noInlineDisable: readonly string[], report: Report): void {
  const directives = state.directives.filter((d) => d.scope && d.kind !== 'enable' && d.kind !== 'unknown');
  const disallowed = new Map<string, { directive: Directive; ruleId: string; pattern: string }>();

  if (directives.length > 0) {
    for (const message of state.messages) {
      if (DIRECTIVE_RULES.has(message.ruleId)) continue;
      for (const directive of directives) {
        const scope = directive.scope!;
        const inside = message.offset >= scope.start && (message.offset < scope.end || message.offset === scope.start);
        if (!inside) continue;
        const entry = matchingEntry(directive, message.ruleId);
        if (!entry) continue;
        const pattern = noInlineDisable.find((p) => matchesRulePattern(p, message.ruleId));
        if (pattern) {
          disallowed.set(`${directive.range.start}:${message.ruleId}`, { directive, ruleId: message.ruleId, pattern });
          continue;
        }
        directive.used.add(entry);
        message.suppressed = {
          kind: 'directive',
          ...(directive.reason ? { reason: directive.reason } : {}),
          line: state.map.point(directive.range.start).line,
        };
        break;
      }
    }
  }

  for (const { directive, ruleId, pattern } of disallowed.values()) {
    report('migralint/disallowed-directive', { messageId: 'disallowed', data: { ruleId, pattern: JSON.stringify(pattern) }, at: directive.range });
  }

  for (const directive of state.directives) {
    const at = directive.range;
    if (directive.kind === 'unknown') {
      report('migralint/invalid-directive', { messageId: 'unknownDirective', data: { name: directive.name }, at });
      continue;
    }
    const unknown = new Set(directive.ruleIds.filter((id) => !isKnownRulePattern(id, catalog)));
    for (const ruleId of unknown) {
      const guess = closestName(ruleId, [...catalog.rules.keys(), ...catalog.dormant]);
      report('migralint/invalid-directive', {
        messageId: 'unknownRule',
        data: { ruleId, suggestion: guess ? ` (did you mean "${guess}"?)` : '' },
        at,
      });
    }
    if (directive.kind === 'enable') continue;
    if (!directive.reason) {
      report('migralint/directive-missing-reason', {
        messageId: 'missingReason',
        data: { name: directive.kind, rules: directive.ruleIds.join(', ') || 'pack/rule' },
        at,
      });
    }
    const entries = directive.ruleIds.length > 0 ? directive.ruleIds : ['*'];
    for (const entry of entries) {
      if (unknown.has(entry) || directive.used.has(entry) || isDormantPattern(entry, catalog)) continue;
      const blocked = [...disallowed.values()].some((d) => d.directive === directive && matchesRulePattern(entry, d.ruleId));
      if (blocked) continue;
      report('migralint/unused-directive', { messageId: 'unused', data: { rule: entry === '*' ? 'every rule' : entry }, at });
    }
  }
}

function isKnownRulePattern(pattern: string, catalog: RuleCatalog): boolean {
  if (pattern === '*' || catalog.rules.has(pattern) || isDormantPattern(pattern, catalog)) return true;
  return pattern.endsWith('/*') && catalog.packs.has(pattern.slice(0, -2));
}

/** A rule (or `pack/*`) that exists but does not run in this lint: whether it would suppress anything is unknown here. */
function isDormantPattern(pattern: string, catalog: RuleCatalog): boolean {
  return catalog.dormant.has(pattern) || (pattern.endsWith('/*') && catalog.dormantPacks.has(pattern.slice(0, -2)));
}
