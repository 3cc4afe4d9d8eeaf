// The `migrations` pack: every rule declares itself fully, has its docs page with the fixed
// headings, and every finding the layout analysis produces names one of its messages with every
// placeholder filled — checked over scenarios that provoke each message.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillTemplate, type LayoutFinding } from '@migralint/core';
import { migrationsPlugin } from '../../src/plugin.js';
import { analyze, project } from '../layouts/layout-helpers.js';
import { SCENARIOS } from './scenarios.js';

const docsRoot = fileURLToPath(new URL('../../../../docs/rules/migrations/', import.meta.url));
const HEADINGS = ['Why', 'Bad', 'Good', 'Options', 'When not to use it', 'Related'];

describe('migrations plugin', () => {
  it('is named migrations and holds the eleven layout rules', () => {
    expect(migrationsPlugin.name).toBe('migrations');
    expect(Object.keys(migrationsPlugin.rules).sort()).toEqual([
      'down-runs-as-up',
      'duplicate-version',
      'guessed-runner',
      'invalid-migration',
      'mixed-layout',
      'orphan-down',
      'pair-name-mismatch',
      'plan-mismatch',
      'skipped-file',
      'unknown-layout',
      'version-order',
    ]);
  });

  for (const [name, rule] of Object.entries(migrationsPlugin.rules)) {
    describe(`migrations/${name}`, () => {
      it('declares type, description, docs url, why, severity, recommended and messages', () => {
        const meta = rule.meta;
        expect(['problem', 'suggestion']).toContain(meta.type);
        expect(meta.docs.description).toMatch(/^Report .+\.$/);
        expect(meta.docs.url).toBe(`https://github.com/migralint/migralint/blob/main/docs/rules/migrations/${name}.md`);
        expect(meta.docs.why?.length).toBeGreaterThan(40);
        expect(['error', 'warning', 'info']).toContain(meta.defaultSeverity);
        expect(typeof meta.recommended).toBe('boolean');
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        // Findings come from the layout analysis: like migralint/parse-error, the rule is meta only.
        expect(rule.create).toBeUndefined();
        expect(rule.project).toBeUndefined();
      });

      it('says what, why and the fix in every message', () => {
        for (const text of Object.values(rule.meta.messages)) expect(text, text).toMatch(/; .+/);
      });

      it(`has docs/rules/migrations/${name}.md with the fixed headings and its description`, () => {
        const file = `${docsRoot}${name}.md`;
        expect(existsSync(file)).toBe(true);
        const lines = readFileSync(file, 'utf8').split('\n');
        expect(lines[0]).toBe(`# migrations/${name}`);
        expect(lines.find((l, i) => i > 0 && l.trim() !== '')).toBe(rule.meta.docs.description);
        expect(lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3))).toEqual(HEADINGS);
        const text = lines.join('\n');
        // The docs test runs ```sql blocks with one file and no model: Bad shows file trees as ```text.
        const bad = text.slice(text.indexOf('## Bad'), text.indexOf('## Good'));
        expect(bad).toContain('```text');
        expect(bad).not.toContain('```sql');
        expect(text.slice(text.indexOf('## Good'), text.indexOf('## Options'))).toContain('```sql');
      });
    });
  }

  it('every message a scenario provokes exists, and every placeholder is filled', async () => {
    const seen = new Set<string>();
    for (const scenario of SCENARIOS) {
      const a = analyze(await project(scenario.files), scenario.settings ?? {});
      for (const finding of a.findings) {
        const id = finding.ruleId.replace('migrations/', '');
        const rule = migrationsPlugin.rules[id];
        expect(rule, finding.ruleId).toBeDefined();
        const template = rule!.meta.messages[finding.descriptor.messageId];
        expect(template, `${finding.ruleId} ${finding.descriptor.messageId}`).toBeDefined();
        expect(fillTemplate(template!, finding.descriptor.data), `${scenario.name}: ${finding.ruleId}`).not.toMatch(/\{\{/);
        seen.add(`${id}/${finding.descriptor.messageId}`);
      }
    }
    // The scenarios provoke every message of the pack.
    const all = Object.entries(migrationsPlugin.rules).flatMap(([id, rule]) => Object.keys(rule.meta.messages).map((m) => `${id}/${m}`));
    expect(all.filter((m) => !seen.has(m))).toEqual([]);
  });

  it('findings point inside their file', async () => {
    for (const scenario of SCENARIOS) {
      const p = await project(scenario.files);
      const texts = new Map(p.files.map((f) => [f.path, f.text]));
      for (const finding of analyze(p, scenario.settings ?? {}).findings as LayoutFinding[]) {
        const text = texts.get(finding.file);
        expect(text, `${scenario.name}: ${finding.file} is one of the run's SQL files`).toBeDefined();
        const at = finding.descriptor.at as { start: number; end: number };
        expect(at.start).toBeGreaterThanOrEqual(0);
        expect(at.end).toBeLessThanOrEqual(text!.length);
      }
    }
  });
});
