// Run one test case through the real engine (`lint()`, with the migration model), with only the rule under test enabled
// (core `migralint/*` rules stay on: they report parse errors), and keep what the comparison needs.

import { applyFixes, corePlugin, type LintMessage, type Notification, type Plugin, type Rule, type Settings, type VcsChanges } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { splitRuleId } from './check-meta.js';
import { TesterError } from './tester-error.js';

export interface Finding extends LintMessage {
  /** The file the finding is in (its path in the case). */
  file: string;
}

/** What a case produced. Plain data: the comparison functions need nothing else. */
export interface CaseOutcome {
  files: Array<{ path: string; code: string }>;
  /** Unsuppressed findings of the rule under test: in the order of `files`, then by position. */
  findings: Finding[];
  /** `migralint/parse-error` findings: the test's SQL is broken. */
  parseErrors: Finding[];
  /** Error-level notifications (the rule threw, or reported an unknown messageId). */
  crashes: Notification[];
  /** Single-file cases whose findings carry fixes: the fixed text, linted again for parse errors. */
  fixed?: { text: string; parseErrors: Finding[] };
}

export interface LintCaseInput {
  ruleId: string;
  rule: Rule;
  plugins: readonly Plugin[];
  settings: Partial<Settings>;
  /** Already validated (defaults filled in). */
  options: Record<string, unknown> | undefined;
  files: Array<{ path: string; code: string }>;
  /** Non-SQL files by path, for `project.readAux`. */
  aux?: Record<string, string>;
  /** Version-control changes, for `project.vcs`. */
  vcs?: { ref?: string; added?: string[]; modified?: string[]; deleted?: string[]; atRef?: Record<string, string> };
}

function toVcs(vcs: NonNullable<LintCaseInput['vcs']>): VcsChanges {
  return {
    ref: vcs.ref ?? 'main',
    added: vcs.added ?? [],
    modified: vcs.modified ?? [],
    deleted: vcs.deleted ?? [],
    contentAtRef: (path) => vcs.atRef?.[path],
  };
}

export async function lintCase(input: LintCaseInput): Promise<CaseOutcome> {
  const first = await runLint(input, input.files);
  const outcome: CaseOutcome = { files: input.files, ...first };
  const fixes = first.findings.flatMap((f) => f.fix ?? []);
  if (input.files.length === 1 && fixes.length > 0) {
    const text = applyFixes(input.files[0]!.code, fixes).text;
    const again = await runLint(input, [{ path: input.files[0]!.path, code: text }]);
    outcome.fixed = { text, parseErrors: again.parseErrors };
  }
  return outcome;
}

async function runLint(input: LintCaseInput, files: LintCaseInput['files']) {
  const result = await lint({
    files: files.map((f) => ({ path: f.path, content: f.code })),
    config: {
      plugins: pluginsWithRule(input.ruleId, input.rule, input.plugins),
      rules: { [input.ruleId]: input.options ? ['error', input.options] : 'error' },
      settings: input.settings as Settings,
    },
    ...(input.aux ? { readAux: (path: string) => input.aux![path] } : {}),
    ...(input.vcs ? { vcs: toVcs(input.vcs) } : {}),
  });
  const order = new Map(files.map((f, i) => [f.path, i]));
  const all = result.files
    .flatMap((file) => file.messages.map((m): Finding => ({ ...m, file: file.path })))
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.offset - b.offset || a.endOffset - b.endOffset);
  return {
    findings: all.filter((m) => m.ruleId === input.ruleId && !m.suppressed),
    parseErrors: all.filter((m) => m.ruleId === 'migralint/parse-error' || m.ruleId === 'migralint/unreadable-file'),
    crashes: result.notifications.filter((n) => n.level === 'error'),
  };
}

/**
 * The plugins of the run, with the rule under test registered under its id: added to its pack when
 * the tester was given that pack (the engine keeps the first plugin of a name), or as a pack of its own.
 */
export function pluginsWithRule(ruleId: string, rule: Rule, plugins: readonly Plugin[]): Plugin[] {
  const { pack, name } = splitRuleId(ruleId);
  if (pack === corePlugin.name) {
    if (corePlugin.rules[name] !== rule) {
      throw new TesterError(`${ruleId}: the "${corePlugin.name}" namespace belongs to the engine; test a different rule object under another pack name`);
    }
    return [...plugins];
  }
  let found = false;
  const out = plugins.map((plugin) => {
    if (plugin.name !== pack) return plugin;
    found = true;
    return plugin.rules[name] === rule ? plugin : { ...plugin, rules: { ...plugin.rules, [name]: rule } };
  });
  if (!found) out.push({ name: pack, rules: { [name]: rule } });
  return out;
}
