// Test helpers: real files through the real parser (core's lint() with a rule that keeps each
// file's SourceFile), then the layout analysis or the whole model over them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePlugin, defineRule, type Migration, type ProjectModel, type Settings, type SourceFile } from '@migralint/core';
import { buildModel } from '../../src/build-model.js';
import { lint } from '../../src/lint.js';
import { analyzeLayouts, type LayoutAnalysis } from '../../src/layouts/detect-layout.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/layouts');

export interface Project {
  files: SourceFile[];
  /** Non-SQL files by path (sqitch.plan, meta/_journal.json, *.sql.conf, metadata.toml). */
  aux: Map<string, string>;
}

/** Parses SQL files given as `{ path: text }`; every other path is an aux file. */
export async function project(entries: Record<string, string>): Promise<Project> {
  const sql = Object.entries(entries).filter(([p]) => p.endsWith('.sql'));
  const aux = new Map(Object.entries(entries).filter(([p]) => !p.endsWith('.sql')));
  const captured = new Map<string, SourceFile>();
  const capture = defineRule({
    meta: { type: 'suggestion', docs: { description: 'test: keep each parsed file', url: 'https://example.test/capture' }, defaultSeverity: 'info', recommended: false, messages: {} },
    create(context) {
      captured.set(context.file.path, context.file);
      return {};
    },
  });
  await lint({
    files: sql.map(([p, content]) => ({ path: p, content })),
    config: { plugins: [definePlugin({ name: 'capture', rules: { file: capture } })], rules: { 'capture/file': 'info' } },
  });
  return { files: sql.map(([p]) => captured.get(p)!), aux };
}

/** Every file under fixtures/layouts/<name>, with paths relative to that directory. */
export async function fixture(name: string): Promise<Project> {
  const root = path.join(FIXTURES, name);
  const entries: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else entries[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return project(entries);
}

export function analyze(p: Project, settings: Partial<Settings> | ((file: string) => Partial<Settings>) = {}): LayoutAnalysis {
  return analyzeLayouts({ files: p.files, readAux: (f) => p.aux.get(f), settingsFor: settingsFn(settings) });
}

export function model(p: Project, settings: Partial<Settings> = {}): ProjectModel {
  return buildModel({ files: p.files, readAux: (f) => p.aux.get(f), settingsFor: settingsFn(settings), cwd: '/' });
}

function settingsFn(settings: Partial<Settings> | ((file: string) => Partial<Settings>)) {
  return (file: string): Settings => ({ postgresVersion: 17, ...(typeof settings === 'function' ? settings(file) : settings) });
}

/** A compact view of a migration for assertions: `version name up:[files] down:[files]`. */
export function outline(m: Migration): string {
  const files = (parts: Migration['up']) => parts.map((p) => p.file.slice(p.file.lastIndexOf('/') + 1)).join(',');
  return `${m.index} ${m.version} ${m.name} up:[${files(m.up)}] down:[${files(m.down)}]`;
}

/** Findings as `rule messageId file` lines (file name only); the once-per-history guessed-runner note has its own tests. */
export function findingLines(a: { findings: LayoutAnalysis['findings'] }): string[] {
  return a.findings.filter((f) => f.ruleId !== 'migrations/guessed-runner').map((f) => `${f.ruleId.replace('migrations/', '')} ${f.descriptor.messageId} ${f.file.slice(f.file.lastIndexOf('/') + 1)}`);
}

/** The statements a part covers, as their SQL text up to the first line break. */
export function partStatements(p: Project, part: Migration['up'][number]): string[] {
  const file = p.files.find((f) => f.path === part.file)!;
  return file.statements.filter((s) => s.start >= part.range.start && s.start < part.range.end).map((s) => s.text.split('\n')[0]!);
}
