#!/usr/bin/env node
// Writes the published JSON Schemas from their TypeScript source (run by `pnpm build` after tsc):
// packages/config/schema/migralint.schema.json (editors' "$schema") and
// packages/reporter-json/schema/migralint-report.schema.json (report consumers).
// Files are rewritten only when their content changes, so a build leaves a clean tree clean.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { configSchema } = await import(path.join(root, 'packages/config/dist/config-schema.js'));
const { jsonSchema } = await import(path.join(root, 'packages/reporter-json/dist/report-schema.js'));

for (const [file, schema] of [
  ['packages/config/schema/migralint.schema.json', configSchema],
  ['packages/reporter-json/schema/migralint-report.schema.json', jsonSchema],
]) {
  const target = path.join(root, file);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${file}`);
}
