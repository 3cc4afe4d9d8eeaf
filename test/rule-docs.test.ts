// Every rule of every built-in pack has a docs page with the fixed headings (typescript-eslint style),
// and its examples are tests: each ```sql block under "Bad" must produce a finding of the rule, each
// one under "Good" none, with only that rule enabled. A block's info string may add
// `filename="…"` (the example's path, which selects its layout), `config={…}` (merged into the lint config, e.g. `noInlineDisable`, or `rules` a directive example needs)
// and `options={…}` (the rule's options):
//   ```sql options={"cascadeOnly":true}
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corePlugin, type Plugin, type Rule } from '@migralint/core';
import { validateOptions } from '@migralint/rule-tester';
import { lint } from '@migralint/migrations';
import { allBuiltinPlugins } from '../packages/cli/src/rule-packs.js';

/** The built-in packs. A new pack is one line here. */
// The same list the config loads: a new pack is covered as soon as it is a built-in.
const BUILT_IN_PLUGINS: readonly Plugin[] = await allBuiltinPlugins();

const HEADINGS = ['Why', 'Bad', 'Good', 'Options', 'When not to use it', 'Related'];
const docsRoot = fileURLToPath(new URL('../docs/rules/', import.meta.url));

interface DocsPage {
  title: string | undefined;
  description: string | undefined;
  headings: string[];
  /** Fenced code blocks by section; `lang` is the info string's first word. */
  blocks: Array<{ section: string; lang: string; code: string; line: number; info: string }>;
}

function readDocsPage(text: string): DocsPage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const page: DocsPage = { title: undefined, description: undefined, headings: [], blocks: [] };
  let section = '';
  let fence: { marker: string; lang: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trimEnd() === fence.marker) {
        page.blocks.push({ section, lang: fence.lang, info: fence.info, code: fence.body.join('\n') + '\n', line: fence.line });
        fence = undefined;
      } else fence.body.push(line);
      return;
    }
    const open = /^(```+|~~~+)\s*([\w-]*)(.*)$/.exec(line);
    if (open) fence = { marker: open[1]!, lang: open[2]!.toLowerCase(), info: open[3]!.trim(), line: i + 1, body: [] };
    else if (line.startsWith('# ') && page.title === undefined) page.title = line.slice(2).trim();
    else if (line.startsWith('## ')) page.headings.push((section = line.slice(3).trim()));
    else if (page.title !== undefined && page.description === undefined && page.headings.length === 0 && line.trim() !== '') page.description = line.trim();
  });
  return page;
}

/** `key={json}` from a code block's info string (the JSON may hold spaces: read balanced braces). */
function infoJson(info: string, key: string): Record<string, any> | undefined {
  const at = info.indexOf(`${key}={`);
  if (at === -1) return undefined;
  const start = at + key.length + 1;
  let depth = 0;
  for (let i = start; i < info.length; i++) {
    if (info[i] === '{') depth++;
    else if (info[i] === '}' && --depth === 0) return JSON.parse(info.slice(start, i + 1));
  }
  throw new Error(`unbalanced ${key}= in \`${info}\``);
}

async function findingsOf(ruleId: string, rule: Rule, code: string, info: string) {
  // Options in the docs must pass the rule's schema, like a config's would.
  const options = validateOptions(ruleId, rule, infoJson(info, 'options'));
  const config = infoJson(info, 'config') ?? {};
  // `filename="db/migrations/001_x.up.sql"` puts the example in a layout (transaction mode, pairing).
  const filename = /(?:^|\s)filename="([^"]+)"/.exec(info)?.[1] ?? 'example.sql';
  const result = await lint({
    files: [{ path: filename, content: code }],
    config: {
      ...config,
      plugins: BUILT_IN_PLUGINS.filter((p) => p !== corePlugin),
      // Only this rule, plus any the block's config turns on (a directive rule needs a rule to act on).
      rules: { ...config.rules, [ruleId]: options ? ['error', options] : 'error' },
    },
  });
  const messages = result.files.flatMap((f) => f.messages);
  return {
    findings: messages.filter((m) => m.ruleId === ruleId && !m.suppressed),
    parseErrors: ruleId === 'migralint/parse-error' ? [] : messages.filter((m) => m.ruleId === 'migralint/parse-error'),
    crashes: result.notifications.filter((n) => n.level === 'error'),
  };
}

for (const plugin of BUILT_IN_PLUGINS) {
  for (const [name, rule] of Object.entries(plugin.rules) as Array<[string, Rule]>) {
    const ruleId = `${plugin.name}/${name}`;
    const file = `${docsRoot}${plugin.name}/${name}.md`;
    const relative = `docs/rules/${plugin.name}/${name}.md`;

    describe(`${ruleId} docs`, () => {
      it(`has ${relative}, linked from meta.docs.url`, () => {
        expect(existsSync(file), `${relative} is missing`).toBe(true);
        expect(rule.meta.docs.url.endsWith(`/${relative}`), `meta.docs.url ${rule.meta.docs.url}`).toBe(true);
      });
      if (!existsSync(file)) return;
      const page = readDocsPage(readFileSync(file, 'utf8'));

      it('has the fixed headings, in order', () => {
        expect(page.title).toBe(ruleId);
        expect(page.description, 'a one-line description under the title').toBeTruthy();
        expect(page.headings).toEqual(HEADINGS);
      });
      it('states meta.docs.description as its description line', () => {
        expect(page.description).toBe(rule.meta.docs.description);
      });
      it('shows at least one Bad and one Good example', () => {
        expect(page.blocks.some((b) => b.section === 'Bad'), 'no code block under ## Bad').toBe(true);
        expect(page.blocks.some((b) => b.section === 'Good' && b.lang === 'sql'), 'no ```sql block under ## Good').toBe(true);
      });

      for (const block of page.blocks.filter((b) => b.lang === 'sql' && (b.section === 'Bad' || b.section === 'Good'))) {
        const bad = block.section === 'Bad';
        it(`${block.section} example at line ${block.line} ${bad ? 'is reported' : 'passes'}`, async () => {
          const { findings, parseErrors, crashes } = await findingsOf(ruleId, rule, block.code, block.info);
          expect(crashes.map((c) => c.message)).toEqual([]);
          expect(parseErrors.map((m) => `${m.line}:${m.column} ${m.message}`), 'the example must be valid SQL').toEqual([]);
          if (bad) expect(findings.length, `${relative}:${block.line} should produce a finding of ${ruleId}`).toBeGreaterThan(0);
          else expect(findings.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
  }
}
