import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { assertOptionsRejected, checkRuleMeta, splitRuleId, validateOptions } from '../src/index.js';
import { preferIfExists } from './sample-rules.js';

function withMeta(meta: Record<string, unknown>): Rule {
  return { ...preferIfExists, meta: { ...preferIfExists.meta, ...meta } } as Rule;
}

describe('checkRuleMeta', () => {
  it('accepts a complete meta', () => {
    expect(() => checkRuleMeta('sample/prefer-if-exists', preferIfExists)).not.toThrow();
  });
  it.each([
    [{ docs: { description: 'x', url: '' } }, /docs\.url/],
    [{ docs: { description: 'x', url: 'not a url' } }, /docs\.url/],
    [{ docs: { description: '', url: 'https://e.com' } }, /docs\.description/],
    [{ defaultSeverity: 'warn' }, /defaultSeverity.*"warn" is the config spelling/],
    [{ type: 'layout' }, /meta\.type/],
    [{ recommended: undefined }, /meta\.recommended/],
    [{ messages: {} }, /at least one message/],
    [{ schema: { type: 'object', properties: { a: { type: 'strnig' } } } }, /meta\.schema does not compile/],
    [{ defaultOptions: { skip: 'a' } }, /defaultOptions do not match/],
    [{ schema: undefined, defaultOptions: { skip: [] } }, /schema is missing/],
    [{ sources: [{ tool: 'squawk' }] }, /meta\.sources/],
  ])('rejects %j', (meta, message) => {
    expect(() => checkRuleMeta('sample/prefer-if-exists', withMeta(meta))).toThrow(message);
  });
  it('lists every problem at once', () => {
    expect(() => checkRuleMeta('sample/x', withMeta({ type: 'x', defaultSeverity: 'x' }))).toThrow(/meta\.type[\s\S]*defaultSeverity/);
  });
  it('accepts a meta-only rule (its findings come from the engine or the migration model)', () => {
    expect(() => checkRuleMeta('sample/x', { meta: preferIfExists.meta })).not.toThrow();
  });
  it('rejects a malformed rule id', () => {
    expect(() => splitRuleId('NoPack')).toThrow(/<pack>\/<rule-name>/);
    expect(splitRuleId('@acme/require-x')).toEqual({ pack: '@acme', name: 'require-x' });
  });
});

describe('options', () => {
  it('fills defaults like a config would', () => {
    expect(validateOptions('sample/x', preferIfExists, {})).toEqual({ skip: [] });
    expect(validateOptions('sample/x', preferIfExists, undefined)).toBeUndefined();
  });
  it('rejects options the schema rejects', () => {
    expect(() => validateOptions('sample/x', preferIfExists, { skip: 'a' })).toThrow(/rejects the case's options.*\/skip must be array/);
  });
  it('rejects options for a rule without a schema', () => {
    expect(() => validateOptions('sample/x', withMeta({ schema: undefined }), {})).toThrow(/no meta\.schema/);
  });
  it('assertOptionsRejected fails when the schema accepts the options', () => {
    expect(() => assertOptionsRejected('sample/x', preferIfExists, { skip: 1 })).not.toThrow();
    expect(() => assertOptionsRejected('sample/x', preferIfExists, { skip: ['a'] })).toThrow(/accepts \{"skip":\["a"\]\}/);
  });
});
