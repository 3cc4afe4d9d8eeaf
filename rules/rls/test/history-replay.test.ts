// The pack's project rules replay a history's schema only when its statements give them something
// to check: a history without RLS, policies or views (most of them, outside Supabase) costs no replay.
import { describe, expect, it } from 'vitest';
import { lintCase } from '@migralint/rule-tester';
import type { ProjectContext, Rule } from '@migralint/core';
import rls from '../src/index.js';
import policyWithoutRls from '../src/rules/policy-without-rls.js';
import rlsWithoutPolicy from '../src/rules/rls-without-policy.js';
import tableWithoutRls from '../src/rules/table-without-rls.js';
import viewSecurityInvoker from '../src/rules/view-security-invoker.js';
import grantToPublic from '../src/rules/grant-to-public-role-without-rls.js';

const RULES = { policyWithoutRls, rlsWithoutPolicy, tableWithoutRls, viewSecurityInvoker, grantToPublic };

/** How many times `rule`'s project hook asks the model for a replayed schema, linting `files`. */
async function replaysAskedBy(rule: Rule, files: Array<{ path: string; code: string }>): Promise<number> {
  let asked = 0;
  const counting: Rule = {
    ...rule,
    project(context: ProjectContext) {
      const model = context.project.model;
      const schemaOf = model.schemaOf.bind(model);
      model.schemaOf = (set) => {
        asked++;
        return schemaOf(set);
      };
      rule.project!(context);
    },
  };
  const outcome = await lintCase({ ruleId: 'rls/probe', rule: counting, plugins: [rls], settings: {}, options: undefined, files });
  expect(outcome.crashes).toEqual([]);
  return asked;
}

const PLAIN = [
  { path: 'db/migrations/000001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nGRANT SELECT ON users TO reporting;\n' },
  { path: 'db/migrations/000002_email.up.sql', code: 'CREATE INDEX users_email ON users (email);\nALTER TABLE users ADD COLUMN name text;\n' },
];

const WITH_RLS = [
  {
    path: 'db/migrations/000001_notes.up.sql',
    code:
      'CREATE TABLE notes (id int, body text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n' +
      'CREATE POLICY "read" ON notes FOR SELECT USING (true);\nCREATE VIEW bodies AS SELECT body FROM notes;\nGRANT SELECT ON notes TO anon;\n',
  },
];

describe('replaying the schema for the rls project rules', () => {
  for (const [name, rule] of Object.entries(RULES)) {
    it(`${name}: no replay for a history without RLS, policies or views; a replay when it has them`, async () => {
      expect(await replaysAskedBy(rule, PLAIN)).toBe(0);
      expect(await replaysAskedBy(rule, WITH_RLS)).toBeGreaterThan(0);
    });
  }
});
