import { RuleTester } from '@migralint/rule-tester';
import { describe, expect, it } from 'vitest';
import { loadParser } from '@migralint/core';
import history, { readIntent } from '../src/index.js';
import rule from '../src/rules/require-intent.js';

new RuleTester({ plugins: [history] }).run('history/require-intent', rule, {
  valid: [
    '-- Why: the public team page shows profiles (PROD-118).\ncreate table profiles (id bigint);',
    { name: 'key in any case, block comment', code: '/* INTENT: speed up the nightly export */\ncreate index on orders (created_at);' },
    {
      name: 'continued on the next comment line, after a header',
      code: '-- Migration: add_profiles\n-- Author: ann\n-- Why:\n--   profiles are shown on the public team page\ncreate table profiles (id bigint);',
    },
    { name: 'non-ASCII and CRLF', code: '-- Why: naïve résumé search 🔎\r\ncreate index on users (name);\r\n' },
    {
      name: 'a down file is covered by its up',
      files: [
        { path: 'migrations/001_users.up.sql', code: '-- Why: accounts\ncreate table users (id bigint);' },
        { path: 'migrations/001_users.down.sql', code: 'drop table users;' },
      ],
    },
    {
      name: 'a sqitch verify script is a check, not a migration',
      files: [
        { path: 'sqitch.plan', code: '' },
        { path: 'deploy/users.sql', code: '-- Why: accounts\nBEGIN;\ncreate table users (id bigint);\nCOMMIT;' },
        { path: 'revert/users.sql', code: 'BEGIN;\ndrop table users;\nCOMMIT;' },
        { path: 'verify/users.sql', code: 'select id from users where false;' },
      ],
    },
    { name: "the team's own header", code: '-- Ticket: OPS-42 rotate keys\nalter table keys add column rotated_at timestamptz;', options: { pattern: '^ticket:\\s*[A-Z]+-\\d+' } },
    { name: 'a file without statements is empty-file\'s business', code: '-- nothing yet\n' },
  ],
  invalid: [
    {
      code: 'create table profiles (id bigint);',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'a placeholder is not an intent',
      code: '-- Why: TODO\ncreate table profiles (id bigint);',
      errors: [{ messageId: 'missing', line: 2, column: 1 }],
    },
    {
      name: 'a comment after the first statement does not count',
      code: 'create table t (id int);\n-- Why: too late\ncreate table u (id int);',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'a comment that is not an intent',
      code: '-- add profiles\ncreate table profiles (id bigint);',
      errors: [{ messageId: 'missing', line: 2 }],
    },
    {
      name: "the team's own header is missing",
      code: '-- Why: rotation\nalter table keys add column rotated_at timestamptz;',
      options: { pattern: '^ticket:' },
      errors: [{ messageId: 'custom', data: { pattern: '^ticket:' } }],
    },
    {
      name: 'the up file of a pair',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'create table users (id bigint);' },
        { path: 'migrations/001_users.down.sql', code: '-- Why: undo\ndrop table users;' },
      ],
      errors: [{ file: 'migrations/001_users.up.sql', messageId: 'missing', line: 1 }],
    },
  ],
  invalidOptions: [{ pattern: '' }, { pattern: 3 }, { bogus: true }],
});

describe('readIntent', () => {
  it('returns the text after the key, joined over continuation lines, up to a blank comment line', async () => {
    await loadParser();
    expect(readIntent('-- Why: one\n--   two\n--\n-- three\nselect 1;')).toEqual({ text: 'one two', line: 'Why: one' });
  });
  it('ignores comment-looking text inside a string before it', async () => {
    await loadParser();
    expect(readIntent("select '-- Why: no';")).toBeUndefined();
  });
  it('stops at the next key line', async () => {
    await loadParser();
    expect(readIntent('-- Why: cleanup\n-- Author: ann\nselect 1;')?.text).toBe('cleanup');
  });
});
