// The checks that need the loaded plugins: every rule id a config names must exist, and its options
// must fit the rule's own JSON Schema. Problems are collected per file and reported together.

import type { Ajv, ValidateFunction } from 'ajv';
import { ajvClass } from './load-ajv.js';
import { closestName, type Rule, type RuleCatalog, type RuleSetting } from '@migralint/core';
import { ConfigError } from './config-error.js';
import type { FileLayer } from './resolve-extends.js';
import { formatAjvErrors } from './format-ajv-errors.js';
import { extendKeyPath, joinKeyPath } from './key-path.js';
import { didYouMean } from './did-you-mean.js';

// Third-party rule schemas may use keywords or formats this ajv does not know: accept them (strict
// off, no logging) rather than fail a user's run over a plugin author's schema dialect.
let ajvInstance: Ajv | undefined;
const ajv = (): Ajv => (ajvInstance ??= new (ajvClass())({ allErrors: true, verbose: true, strict: false, logger: false, validateFormats: false }));
const compiled = new WeakMap<object, ValidateFunction>();

/** Whether a config file gives a rule options: only then is ajv needed (loadAjv) to check them. */
export function hasRuleOptions({ config }: FileLayer): boolean {
  const withOptions = (rules: Record<string, RuleSetting> | undefined) => Object.values(rules ?? {}).some((setting) => Array.isArray(setting) && setting[1] !== undefined);
  return withOptions(config.rules) || (config.overrides ?? []).some((override) => withOptions(override.rules));
}

/** Every rule-related problem of one config file, as message lines. */
export function ruleProblems(layer: FileLayer, catalog: RuleCatalog): string[] {
  const problems: string[] = [];
  const { config, file } = layer;
  if (config.rules) problems.push(...settingProblems(config.rules, 'rules', file, catalog));
  for (const [index, override] of (config.overrides ?? []).entries()) {
    if (override.rules) problems.push(...settingProblems(override.rules, joinKeyPath('overrides', index, 'rules'), file, catalog));
  }
  for (const [index, pattern] of (config.noInlineDisable ?? []).entries()) {
    if (!isKnownRulePattern(pattern, catalog)) {
      const hint = didYouMean(pattern, [...catalog.rules.keys(), ...[...catalog.packs].map((pack) => `${pack}/*`)]);
      problems.push(
        `${file}: ${joinKeyPath('noInlineDisable', index)}: "${pattern}" matches no known rule${hint} (use "pack/rule-name", "pack/*" or "*")`,
      );
    }
  }
  return problems;
}

function settingProblems(rules: Record<string, RuleSetting>, keyPath: string, file: string, catalog: RuleCatalog): string[] {
  const problems: string[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    const rule = catalog.rules.get(id);
    if (!rule) {
      problems.push(`${file}: unknown rule "${id}" in ${keyPath}${unknownRuleHint(id, catalog)}`);
      continue;
    }
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (options !== undefined) problems.push(...optionProblems(id, rule, options, extendKeyPath(keyPath, id, 1), file));
  }
  return problems;
}

function unknownRuleHint(id: string, catalog: RuleCatalog): string {
  const ids = [...catalog.rules.keys()];
  // "no-drop-column" without its pack: suggest the rule that has that name.
  const withoutPack = id.includes('/') ? undefined : ids.find((candidate) => candidate.endsWith(`/${id}`));
  const suggestion = withoutPack ?? closestName(id, ids);
  if (suggestion !== undefined) return ` (did you mean "${suggestion}"?)`;
  const pack = id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined;
  if (pack !== undefined && !catalog.packs.has(pack)) return `: no plugin named "${pack}" is loaded (add its package to "plugins")`;
  if (pack === undefined) return ': rule ids are "pack/rule-name"';
  return '';
}

/** The options a rule runs with: its defaults, then the config's options shallow-merged over them. */
export function mergedOptions(rule: Rule, options: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...rule.meta.defaultOptions, ...options };
}

function optionProblems(id: string, rule: Rule, options: Record<string, unknown>, keyPath: string, file: string): string[] {
  const schema = rule.meta.schema;
  if (!schema) {
    // A rule without an options schema takes no options: accepting anything would let a typo pass silently.
    const keys = Object.keys(options);
    if (keys.length === 0) return [];
    return [`${file}: ${keyPath}: rule "${id}" takes no options; remove ${keys.map((k) => `"${k}"`).join(', ')}`];
  }
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv().compile(schema);
    } catch (error) {
      throw new ConfigError(`${file}: ${keyPath}: rule "${id}" has an invalid options schema (a bug in its plugin): ${(error as Error).message}`);
    }
    compiled.set(schema, validate);
  }
  // No useDefaults: validation never mutates, so the config object can be checked in place.
  const merged = mergedOptions(rule, options);
  if (validate(merged)) return [];
  return formatAjvErrors(validate.errors ?? [], { file, data: merged, prefix: keyPath });
}

/** `*`, a known rule id, or `pack/*` for a loaded pack (the patterns directives understand). */
function isKnownRulePattern(pattern: string, catalog: RuleCatalog): boolean {
  if (pattern === '*' || catalog.rules.has(pattern)) return true;
  return pattern.endsWith('/*') && catalog.packs.has(pattern.slice(0, -2));
}
