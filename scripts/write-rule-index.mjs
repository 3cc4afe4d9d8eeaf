#!/usr/bin/env node
// Writes docs/rules/README.md — every built-in rule with its description, default severity, preset
// and fixability — and packages/cli/src/known-rules.ts — every rule id, verify's included — from the
// rules' own metadata (run by `pnpm build`; a test checks both are current).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { allBuiltinPlugins } = await import(path.join(root, 'packages/cli/dist/rule-packs.js'));
const { renderRuleIndex } = await import(path.join(root, 'packages/config/dist/rule-index.js'));

const { renderKnownRules } = await import(path.join(root, 'packages/cli/dist/known-rules-source.js'));
const { verifyPlugin } = await import(path.join(root, 'packages/verify/dist/verify-plugin.js'));

const plugins = await allBuiltinPlugins();
writeIfChanged('docs/rules/README.md', renderRuleIndex(plugins));
// Every rule id there is, for directives naming a rule this run does not load (cli/src/known-rules.ts).
writeIfChanged('packages/cli/src/known-rules.ts', renderKnownRules([...plugins, verifyPlugin]));

function writeIfChanged(file, text) {
  const target = path.join(root, file);
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
    fs.writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
}
