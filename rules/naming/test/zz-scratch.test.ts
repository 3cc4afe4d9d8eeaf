import { it } from 'vitest';
import { lint, definePlugin, defineRule } from '@migralint/core';
import { buildModel } from '@migralint/migrations';
it('scratch', async () => {
  const out: any[] = [];
  const rule = defineRule({ meta: { type: 'problem', docs: { description: 'x', url: 'https://x' }, defaultSeverity: 'error', recommended: false, messages: { m: 'm' } },
    create(ctx) { return { Statement(node, st) {
      const toks = ctx.tokensOf();
      out.push(toks.map(t => `${t.kind}:${t.keyword ?? ''}:${t.text}:${t.value}`).join(' | '));
      for (const t of toks) if (t.kind === 'identifier' && t.text.startsWith('"')) {
        const probe = { index: -1, kind: 'Probe', node: {}, start: t.start + 1, end: t.end - 1, text: t.value };
        out.push('probe ' + t.text + ' -> ' + JSON.stringify(ctx.tokensOf(probe as any)));
      }
    } }; },
    project(ctx) { const m = ctx.project.model; out.push(JSON.stringify(m?.sets.map(s => ({ layout: s.layout, dir: s.dir, ms: s.migrations.map(x => ({ v: x.version, n: x.name, up: x.up.map(p => p.file), down: x.down.map(p => p.file) })) })))); } });
  const plugin = definePlugin({ name: 'scratch', rules: { r: rule } });
  await lint({ buildModel, files: [
    { path: 'supabase/migrations/20240101000000_init.sql', content: 'CREATE TABLE "user" ("Name" text, "order" int, "left" int, "résumé" int, "a b" int, "between" int, "select" int); SELECT 1;' },
    { path: 'supabase/migrations/20240102000000_Two.sql', content: 'CREATE TABLE x (id int);' },
    { path: 'db/migrations/0001_a.up.sql', content: 'select 1;' },
    { path: 'db/migrations/0001_a.down.sql', content: 'select 1;' },
    { path: 'prisma/migrations/20240101000000_init/migration.sql', content: 'select 1;' },
  ], config: { plugins: [plugin], rules: { 'scratch/r': 'error' } } });
  console.log(out.join('\n'));
});
