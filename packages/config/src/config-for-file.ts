// The effective config of one file: base rules, then every override whose globs match it. The engine
// does this itself (RuleResolver in @migralint/core), so we ask it rather than re-implement it: what
// `--print-config` shows is then exactly what a run uses, glob matching included.

import { catalogRules, matchesFiles, RuleResolver, type ConfiguredRule, type ResolvedConfig, type Settings } from '@migralint/core';

export { matchesFiles, toConfigRelative } from '@migralint/core';

export interface FileConfig {
  /** Enabled rules only (an `off` rule is absent), with options defaulted from the rule's meta. */
  rules: Record<string, ConfiguredRule>;
  settings: Settings;
}

const resolvers = new WeakMap<ResolvedConfig, RuleResolver>();

/**
 * `filePath` should be absolute: core's matching resolves a relative path against `resolved.root`
 * (the config's directory), not against the process cwd.
 */
export function configForFile(resolved: ResolvedConfig, filePath: string): FileConfig {
  let resolver = resolvers.get(resolved);
  if (!resolver) {
    resolver = new RuleResolver(resolved, catalogRules(resolved.plugins));
    resolvers.set(resolved, resolver);
  }
  const active = resolver.forFile(filePath);
  const rules: Record<string, ConfiguredRule> = {};
  for (const rule of [...active.rules].sort((a, b) => a.id.localeCompare(b.id))) {
    rules[rule.id] = { severity: rule.severity, options: rule.options };
  }
  return { rules, settings: { ...active.settings } };
}

/** Whether the config's `ignores` exclude the file (globs relative to the config's root). */
export function isIgnored(resolved: ResolvedConfig, filePath: string): boolean {
  return resolved.ignores.length > 0 && matchesFiles(resolved.root, resolved.ignores, filePath);
}
