// The config file's validator is compiled ahead of time from the schema (validate-config.ts): the
// committed module must be what the schema compiles to now.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config-schema.js';
import { validateConfigShape } from '../src/validate-config.js';

// A build script, not part of the package's types.
const script: string = '../scripts/write-config-validator.mjs';
const { configValidatorSource, validatorFile } = (await import(script)) as { configValidatorSource: (schema: unknown) => string; validatorFile: string };

describe('the compiled config validator', () => {
  it('is up to date with the schema (regenerate: node packages/config/scripts/write-config-validator.mjs after pnpm build)', () => {
    expect(fs.readFileSync(validatorFile, 'utf8')).toBe(configValidatorSource(configSchema));
  });

  it('checks what the schema says: every problem at once, and an empty string is not a name', () => {
    expect(validateConfigShape({ extends: 'recommended', rules: { 'destructive/no-drop-table': 'warn' } }, 'c.json')).toBeTruthy();
    expect(() => validateConfigShape({ extends: '', rules: { x: 'loud' }, colour: 1 }, 'c.json')).toThrow(/extends[\s\S]*rules[\s\S]*colour|colour[\s\S]*extends/);
  });
});
