// Files generated from TypeScript sources must match what is committed, and the lockstep version
// must be the one every package.json states.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '@migralint/core';
import { configSchema, renderRuleIndex } from '@migralint/config';
import { jsonSchema } from '@migralint/reporter-json';
import { allBuiltinPlugins } from '../packages/cli/src/rule-packs.js';
import { renderKnownRules } from '../packages/cli/src/known-rules-source.js';
import { verifyPlugin } from '../packages/verify/src/verify-plugin.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('generated and lockstep files', () => {
  it('the published config schema is the one validation uses (run `pnpm build` to regenerate)', () => {
    expect(readJson('packages/config/schema/migralint.schema.json')).toEqual(configSchema);
  });

  it('the published report schema is the one the reporter exports', () => {
    expect(readJson('packages/reporter-json/schema/migralint-report.schema.json')).toEqual(jsonSchema);
  });

  it('the rules index lists every built-in rule as its metadata says (run `pnpm build` to regenerate)', async () => {
    expect(fs.readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8')).toBe(renderRuleIndex(await allBuiltinPlugins()));
  });

  it('the CLI knows every rule id, verify\'s included, without loading the packs (run `pnpm build` to regenerate)', async () => {
    const text = fs.readFileSync(path.join(root, 'packages/cli/src/known-rules.ts'), 'utf8');
    expect(text).toBe(renderKnownRules([...(await allBuiltinPlugins()), verifyPlugin]));
    expect(text).toMatch(/'verify\/statement-failed'/);
  });

  it('every package carries the lockstep version', () => {
    const manifests = ['packages', 'rules'].flatMap((dir) =>
      fs.readdirSync(path.join(root, dir)).map((name) => path.join(dir, name, 'package.json')),
    );
    expect(manifests.length).toBeGreaterThanOrEqual(8);
    for (const manifest of manifests) expect([manifest, readJson(manifest).version]).toEqual([manifest, VERSION]);
  });
});
