// `migralint mcp` driven by the MCP SDK's own client over stdio, as an assistant would: the real
// binary, a real Supabase project on disk, and a check that nothing was written to it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/migralint.js');
const DIR = 'supabase/migrations';

const FILES: Record<string, string> = {
  'supabase/config.toml': 'project_id = "demo"\n',
  [`${DIR}/20260101090000_create_users.sql`]:
    '-- Why: accounts for the app\ncreate table public.users (\n  id bigint generated always as identity primary key,\n  email text not null\n);\nalter table public.users enable row level security;\n',
  [`${DIR}/20260102090000_create_posts.sql`]:
    '-- Why: users write posts\ncreate table public.posts (\n  id bigint generated always as identity primary key,\n  author_id bigint not null references public.users (id),\n  body text\n);\nalter table public.posts enable row level security;\ncreate index posts_author_id_idx on public.posts (author_id);\n',
};

/** Every file under `dir` with a hash of its content: what "nothing was written" is checked on. */
function treeOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let project: string;
let client: Client;
let before: Record<string, string>;
/** The session as the assistant saw it, for docs/ai-assistants.md (MIGRALINT_MCP_TRANSCRIPT=FILE). */
const transcript: string[] = [];

async function call(name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  transcript.push(`### ${name}\n\n\`\`\`json\n${JSON.stringify(args, null, 2)}\n\`\`\`\n\n\`\`\`json\n${JSON.stringify(result.structuredContent ?? result.content, null, 2)}\n\`\`\`\n`);
  return result as { isError?: boolean; structuredContent?: any; content: Array<{ type: string; text: string }> };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) throw new Error('run `pnpm build` first');
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-mcp-'));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
  before = treeOf(project);
  client = new Client({ name: 'migralint-test-client', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], cwd: project, stderr: 'pipe', env: { ...process.env, NO_COLOR: '1' } as Record<string, string> }));
});

afterAll(async () => {
  await client?.close();
  if (process.env.MIGRALINT_MCP_TRANSCRIPT) fs.writeFileSync(process.env.MIGRALINT_MCP_TRANSCRIPT, transcript.join('\n'));
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('migralint mcp', () => {
  it('lists its tools with declared input and output schemas', async () => {
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    for (const name of ['new_migration', 'lint_migration', 'plan_migration', 'verify_migration', 'explain_rule']) {
      expect(byName[name], name).toBeDefined();
      expect(byName[name]!.inputSchema.type).toBe('object');
      expect(byName[name]!.outputSchema?.type).toBe('object');
      expect(byName[name]!.description).toBeTruthy();
    }
    expect(byName.lint_migration!.inputSchema.required).toEqual(['path']);
    expect(Object.keys(byName.lint_migration!.inputSchema.properties ?? {})).toEqual(['path', 'sql']);
    expect(byName.verify_migration!.description).toMatch(/never connects to any other database/i);
  });

  it('new_migration names the next Supabase migration after the latest, with its header, and writes nothing', async () => {
    const result = await call('new_migration', { description: 'add profiles', why: 'the team page shows profiles (PROD-118)', template: 'table' });
    expect(result.isError).toBeFalsy();
    const plan = result.structuredContent;
    expect(plan.written).toBe(false);
    expect(plan.files).toHaveLength(1);
    expect(plan.files[0].path).toMatch(/^supabase\/migrations\/\d{14}_add_profiles\.sql$/);
    expect(plan.version > '20260102090000').toBe(true);
    expect(plan.files[0].content).toMatch(/^-- Why: the team page shows profiles \(PROD-118\)\n/);
    // The template is the safe way: it lints clean against the history.
    const lint = await call('lint_migration', { path: plan.files[0].path, sql: plan.files[0].content });
    expect(lint.structuredContent.findings).toEqual([]);
  });

  it('lint_migration reports a DROP COLUMN on a table of the history, at its range', async () => {
    const result = await call('lint_migration', {
      path: `${DIR}/20260201090000_drop_email.sql`,
      sql: '-- Why: email moves to auth.users\nalter table public.users drop column email;\n',
    });
    expect(result.isError).toBeFalsy();
    const drop = result.structuredContent.findings.find((f: any) => f.ruleId === 'destructive/no-drop-column');
    expect(drop).toMatchObject({
      severity: 'error',
      file: `${DIR}/20260201090000_drop_email.sql`,
      range: { start: { line: 2, column: 38 }, end: { line: 2, column: 43 } },
    });
    expect(drop.why).toMatch(/\w/);
    expect(drop.safeWay).toMatch(/Safe way/);
    expect(result.structuredContent.errorCount).toBeGreaterThanOrEqual(1);
  });

  it('lint_migration stays quiet on a statement about a table the same draft created', async () => {
    const result = await call('lint_migration', {
      path: `${DIR}/20260201090000_add_tags.sql`,
      sql:
        '-- Why: posts get tags\ncreate table public.tags (\n  id bigint generated always as identity primary key,\n  name text not null\n);\n' +
        'alter table public.tags enable row level security;\ncreate index tags_name_idx on public.tags (name);\nalter table public.tags add constraint tags_name_key unique (name);\n',
    });
    expect(result.isError).toBeFalsy();
    // Lines 7–8 would be findings (no CONCURRENTLY, a unique constraint not USING INDEX) on a table with data.
    expect(result.structuredContent.findings.filter((f: any) => f.range.start.line >= 7)).toEqual([]);
    // The same index on a table of the history is reported.
    const existing = await call('lint_migration', { path: `${DIR}/20260201090000_index_body.sql`, sql: '-- Why: search\ncreate index posts_body_idx on public.posts (body);\n' });
    const index = existing.structuredContent.findings.find((f: any) => f.ruleId === 'concurrently/require-concurrent-index-creation');
    expect(index).toBeDefined();
    // A finding with a fix or suggestion carries its edits (and passes the declared output schema).
    const withEdits = await call('lint_migration', { path: `${DIR}/20260201090000_check.sql`, sql: "-- Why: no empty posts\nalter table public.posts add constraint posts_body_check check (body <> '');\n" });
    expect(withEdits.isError).toBeFalsy();
    expect(withEdits.structuredContent.findings.some((f: any) => (f.fix ?? f.suggestions?.[0]?.fix)?.[0]?.range?.length === 2)).toBe(true);
  });

  it('plan_migration lists the affected objects and the intent', async () => {
    const result = await call('plan_migration', {
      path: `${DIR}/20260201090000_drop_email.sql`,
      sql: '-- Why: email moves to auth.users\nalter table public.users drop column email;\ncreate table public.audit (id bigint primary key);\n',
    });
    expect(result.isError).toBeFalsy();
    const plan = result.structuredContent;
    expect(plan).toMatchObject({ layout: 'supabase', version: '20260201090000', intent: 'email moves to auth.users' });
    expect(plan.changes).toContainEqual(expect.objectContaining({ action: 'alter', kind: 'table', name: 'public.users', changes: [expect.objectContaining({ action: 'drop', kind: 'column', name: 'public.users.email' })] }));
    expect(plan.changes).toContainEqual(expect.objectContaining({ action: 'create', kind: 'table', name: 'public.audit' }));
    expect(plan.risky).toBeGreaterThanOrEqual(1);
  });

  it('verify_migration reports a failing statement at its line, on PGlite', async () => {
    const result = await call('verify_migration', {
      path: `${DIR}/20260201090000_bad.sql`,
      sql: '-- Why: nicknames\nalter table public.users add column nickname text;\nalter table public.profiles add column bio text;\n',
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.database).toMatch(/PGlite/);
    expect(result.structuredContent.ok).toBe(false);
    const failed = result.structuredContent.findings.find((f: any) => f.ruleId === 'verify/statement-failed');
    expect(failed?.range.start.line).toBe(3);
    expect(failed?.message).toMatch(/profiles/);
  });

  it('explain_rule returns the docs page with examples', async () => {
    const result = await call('explain_rule', { rule: 'destructive/no-drop-column' });
    expect(result.structuredContent).toMatchObject({ rule: 'destructive/no-drop-column', recommended: true, enabledHere: true });
    expect(result.structuredContent.docs).toMatch(/## Bad[\s\S]*```sql[\s\S]*## Good/);
    const unknown = await call('explain_rule', { rule: 'no-drop-colum' });
    expect(unknown.isError).toBe(true);
  });

  it('refuses paths outside the project, as a tool error the assistant can read', async () => {
    const result = await call('lint_migration', { path: '../elsewhere/001.sql', sql: 'select 1;' });
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/not a file inside the project/);
  });

  it('wrote nothing to the project', () => {
    expect(treeOf(project)).toEqual(before);
  });
});
