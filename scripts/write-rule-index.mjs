#!/usr/bin/env node
// Writes docs/rules/README.md — every built-in rule with its description, default severity, preset
// and fixability — from the rules' own metadata (run by `pnpm build`; a test checks it is current).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { allBuiltinPlugins } = await import(path.join(root, 'packages/cli/dist/rule-packs.js'));
const { renderRuleIndex } = await import(path.join(root, 'packages/config/dist/rule-index.js'));

const target = path.join(root, 'docs/rules/README.md');
const text = renderRuleIndex(await allBuiltinPlugins());
if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
  fs.writeFileSync(target, text);
  console.log('wrote docs/rules/README.md');
}
