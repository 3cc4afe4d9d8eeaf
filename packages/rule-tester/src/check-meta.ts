// What every rule must declare (DESIGN.md §4), checked once per rule, and its options schema:
// options a case passes must validate (with defaults filled in, as @migralint/config does), and
// `invalidOptions` must be rejected, so each rule's schema is itself tested.

import { Ajv, type ValidateFunction } from 'ajv';
import type { Rule } from '@migralint/core';
import { TesterError } from './tester-error.js';

const RULE_ID = /^(@?[a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9-]*)$/;
const SEVERITIES = ['error', 'warning', 'info'];
const TYPES = ['problem', 'suggestion', 'directive'];

/** `pack/rule` → its two parts; throws on an id the engine would never produce. */
export function splitRuleId(ruleId: string): { pack: string; name: string } {
  const match = RULE_ID.exec(ruleId);
  if (!match) throw new TesterError(`Rule id "${ruleId}" must be "<pack>/<rule-name>" in lowercase, e.g. "destructive/no-drop-table"`);
  return { pack: match[1]!, name: match[2]! };
}

/** Every problem with the rule's `meta`, as one error listing them all. */
export function checkRuleMeta(ruleId: string, rule: Rule): void {
  splitRuleId(ruleId);
  const problems: string[] = [];
  const meta = rule?.meta;
  if (!meta || typeof meta !== 'object') throw new TesterError(`${ruleId}: the rule has no \`meta\` object`);
  if (!TYPES.includes(meta.type)) problems.push(`meta.type must be one of ${TYPES.join(', ')} (got ${JSON.stringify(meta.type)})`);
  if (!nonEmptyString(meta.docs?.description)) problems.push('meta.docs.description must be a non-empty sentence');
  if (!nonEmptyString(meta.docs?.url) || !URL.canParse(meta.docs.url)) problems.push(`meta.docs.url must be an absolute URL (got ${JSON.stringify(meta.docs?.url)})`);
  if (!SEVERITIES.includes(meta.defaultSeverity)) {
    problems.push(`meta.defaultSeverity must be one of ${SEVERITIES.join(', ')} (got ${JSON.stringify(meta.defaultSeverity)}; "warn" is the config spelling)`);
  }
  if (typeof meta.recommended !== 'boolean') problems.push('meta.recommended must be true or false');
  const messages = Object.entries(meta.messages ?? {});
  if (messages.length === 0) problems.push('meta.messages must define at least one message');
  for (const [id, text] of messages) if (!nonEmptyString(text)) problems.push(`meta.messages.${id} must be a non-empty string`);
  // A rule without create/project is reported by the engine itself (core's parse errors, the
  // migration model's layout findings); its cases still run through lint() like any other.
  for (const source of meta.sources ?? []) {
    if (!nonEmptyString(source?.tool) || !nonEmptyString(source?.rule)) problems.push(`meta.sources entries need { tool, rule } (got ${JSON.stringify(source)})`);
  }
  if (meta.defaultOptions !== undefined && meta.schema === undefined) problems.push('meta.defaultOptions is set but meta.schema is missing');
  if (meta.schema !== undefined) {
    try {
      const validate = compileSchema(rule);
      if (meta.defaultOptions !== undefined && !validate(structuredClone(meta.defaultOptions))) {
        problems.push(`meta.defaultOptions do not match meta.schema: ${formatErrors(validate)}`);
      }
    } catch (error) {
      problems.push(`meta.schema does not compile: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new TesterError(`${ruleId}: invalid rule meta:\n  - ${problems.join('\n  - ')}`);
}

/** Expected message ids must be the rule's own. */
export function checkMessageIds(ruleId: string, rule: Rule, messageIds: readonly string[]): void {
  const known = Object.keys(rule.meta.messages ?? {});
  for (const id of messageIds) {
    if (!known.includes(id)) {
      throw new TesterError(`${ruleId}: the test expects messageId "${id}", which meta.messages does not define (known: ${known.join(', ') || 'none'})`);
    }
  }
}

/**
 * Validate a case's options like a config file would: ajv with `useDefaults`. Returns the options
 * the engine gets; throws when the schema rejects them (a test bug, or a schema bug).
 */
export function validateOptions(ruleId: string, rule: Rule, options: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (options === undefined) return undefined;
  if (rule.meta.schema === undefined) throw new TesterError(`${ruleId}: the case passes options but the rule has no meta.schema`);
  const copy = structuredClone(options);
  const validate = compileSchema(rule);
  if (!validate(copy)) throw new TesterError(`${ruleId}: meta.schema rejects the case's options ${JSON.stringify(options)}: ${formatErrors(validate)}`);
  return copy;
}

/** `invalidOptions`: the schema must reject `options`. */
export function assertOptionsRejected(ruleId: string, rule: Rule, options: Record<string, unknown>): void {
  if (rule.meta.schema === undefined) throw new TesterError(`${ruleId}: invalidOptions given but the rule has no meta.schema to reject them`);
  const validate = compileSchema(rule);
  if (validate(structuredClone(options))) {
    throw new TesterError(`${ruleId}: meta.schema accepts ${JSON.stringify(options)}, which the test lists under invalidOptions`);
  }
}

const compiled = new WeakMap<object, ValidateFunction>();

function compileSchema(rule: Rule): ValidateFunction {
  const schema = rule.meta.schema!;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, useDefaults: true, strictTuples: false }).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function formatErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(options)'} ${e.message ?? 'is invalid'}`).join('; ');
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
