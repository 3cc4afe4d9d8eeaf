#!/usr/bin/env node
// What the PL/pgSQL reader finds in a directory of migrations (default ../shared/corpus): DO blocks
// and PL/pgSQL function bodies read or failed (reasons grouped), embedded statements by kind,
// EXECUTEs constant vs dynamic, catalog guards, and a position self-check (an exact statement's
// file text must equal its SQL text). Markdown on stdout. Needs `pnpm build`.
//   node scripts/corpus-plpgsql-stats.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listSqlFiles } from './lib/sql-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'corpus'));
if (!fs.existsSync(dir)) {
  console.log(`corpus-plpgsql-stats: ${dir} does not exist; pass a directory of migrations`);
  process.exit(0);
}
const { extractPlpgsql, defineRule, definePlugin } = await import(path.join(root, 'packages/core/dist/index.js'));
const { lint } = await import(path.join(root, 'packages/migrations/dist/index.js'));

const files = listSqlFiles(dir);

const count = (map, key, n = 1) => map.set(key, (map.get(key) ?? 0) + n);
const stats = {
  bodies: { do: { read: 0, failed: 0 }, function: { read: 0, failed: 0 }, procedure: { read: 0, failed: 0 } },
  filesWithBodies: new Set(),
  failures: new Map(),
  problems: new Map(),
  kinds: new Map(),
  via: new Map(),
  executeConstant: 0,
  executeTemplate: 0,
  dynamic: 0,
  dynamicReasons: new Map(),
  guarded: new Map(),
  enclosures: new Map(),
  nested: 0,
  runs: new Map(),
  quoting: new Map(),
  approximate: 0,
  checked: 0,
  mismatched: [],
  extractMs: 0,
  bodyBytes: 0,
};

function record(body, file, text) {
  const failed = body.problems.some((p) => p.kind === 'body-syntax' || p.kind === 'unsupported-quoting');
  stats.bodies[body.kind][failed ? 'failed' : 'read']++;
  stats.bodyBytes += body.range.end - body.range.start;
  count(stats.quoting, `${body.kind} ${body.quoting}`);
  for (const p of body.problems) {
    // Group messages by shape: quoted names and numbers vary from body to body.
    const reason = p.message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    count(p.kind === 'body-syntax' || p.kind === 'unsupported-quoting' ? stats.failures : stats.problems, `${p.kind}: ${reason}`);
  }
  for (const s of body.statements) {
    count(stats.kinds, s.kind);
    count(stats.runs, `statements that run ${s.runs}`);
    count(stats.via, s.via);
    if (s.via === 'execute') stats[s.placeholders ? 'executeTemplate' : 'executeConstant']++;
    if (s.guard) count(stats.guarded, `${s.guard.runsWhen} (${s.runs})`);
    for (const e of s.enclosures) count(stats.enclosures, e.kind === 'if' ? `if ${e.branch}` : e.kind);
    const written = text.slice(s.range.start, s.range.end);
    if (s.via === 'perform') {
      // `PERFORM x` is run as `SELECT x`: the keyword differs, the rest must be identical.
      stats.checked++;
      if (written.slice(0, 7).toLowerCase() !== 'perform' || written.slice(7) !== s.text.slice(6)) stats.mismatched.push(`${file}: ${JSON.stringify(s.text.slice(0, 60))} vs ${JSON.stringify(written.slice(0, 60))}`);
    } else if (s.precision === 'approximate') stats.approximate++;
    else {
      stats.checked++;
      // PL/pgSQL blanks a SELECT … INTO target with spaces; everything else must be identical.
      if (written !== s.text && !sameButInto(written, s.text)) stats.mismatched.push(`${file}: ${JSON.stringify(s.text.slice(0, 60))} vs ${JSON.stringify(written.slice(0, 60))}`);
    }
    if (s.nested) {
      stats.nested++;
      record(s.nested, file, text);
    }
  }
  for (const d of body.dynamic) {
    stats.dynamic++;
    count(stats.runs, `dynamic EXECUTEs that run ${d.runs}`);
    count(stats.dynamicReasons, d.reason.replace(/^the variable .*\(spliced in by %s\)$/, 'a variable spliced in by %s').replace(/^the variable [^(]*$/, 'a variable').replace(/^the variable \S+ \(quoted into/, 'a variable (quoted into').replace(/^the call to .*/, 'a function call').replace(/specifier \S+/, 'specifier'));
  }
}

function sameButInto(written, sql) {
  if (written.length !== sql.length) return false;
  for (let i = 0; i < sql.length; i++) if (sql[i] !== written[i] && sql[i] !== ' ') return false;
  return /\binto\b/i.test(written);
}

const collect = defineRule({
  meta: { type: 'suggestion', docs: { description: 'Collects PL/pgSQL statistics.', url: 'https://example.invalid' }, defaultSeverity: 'info', recommended: false, messages: {} },
  create(context) {
    const visit = (_node, statement) => {
      // Rules also visit the statements inside bodies; this script reads nested bodies itself.
      if (statement.nested) return;
      const t = performance.now();
      const body = extractPlpgsql(statement);
      stats.extractMs += performance.now() - t;
      if (!body) return;
      stats.filesWithBodies.add(context.file.path);
      record(body, context.file.path, context.file.text);
    };
    return { DoStmt: visit, CreateFunctionStmt: visit };
  },
});
const plugin = definePlugin({ name: 'stats', rules: { collect } });
await lint({
  files: files.map((f) => ({ path: path.relative(dir, f), content: fs.readFileSync(f) })),
  config: { plugins: [plugin], rules: { 'stats/collect': 'info' } },
});

const table = (title, map) => {
  console.log(`\n| ${title} | count |\n|---|---|`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${v} |`);
};
const b = stats.bodies;
console.log(`${files.length} files, ${stats.filesWithBodies.size} with PL/pgSQL bodies; reading them took ${Math.round(stats.extractMs)} ms for ${(stats.bodyBytes / 1024).toFixed(0)} KiB of bodies\n`);
console.log('| body | read | failed |\n|---|---|---|');
for (const kind of ['do', 'function', 'procedure']) console.log(`| ${kind} | ${b[kind].read} | ${b[kind].failed} |`);
console.log(`\n(${stats.nested} of these are bodies nested in another body's statements.)`);
table('body quoting', stats.quoting);
table('failed body: reason', stats.failures);
table('other problem', stats.problems);
table('embedded statement kind', stats.kinds);
table('reached via', stats.via);
table('runs now (DO) or later (function body)', stats.runs);
console.log(`\nEXECUTE: ${stats.executeConstant} statements from constant text, ${stats.executeTemplate} with variables quoted in as placeholders (%I, %L, quote_ident), ${stats.dynamic} dynamic EXECUTEs.`);
table('dynamic EXECUTE: why', stats.dynamicReasons);
table('catalog-guarded statements (runs when … / body runs …)', stats.guarded);
table('enclosing construct (statements inside)', stats.enclosures);
console.log(`\nPosition self-check: ${stats.checked - stats.mismatched.length} of ${stats.checked} statements (exact ones and PERFORMs) have their SQL text at their file range; ${stats.approximate} other statements are approximate (escapes or format() substitutions).`);
for (const m of stats.mismatched.slice(0, 10)) console.log(`  mismatch: ${m}`);
