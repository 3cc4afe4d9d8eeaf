import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/access-exclusive-then-more.js';
import { needsModel } from './model-wired.js';

const selects = (n: number) => Array.from({ length: n }, (_, i) => `SELECT ${i + 1};`).join('\n');

const BACKFILL =
  'BEGIN;\nALTER TABLE users ADD COLUMN a int;\nUPDATE users SET a = 1;\nCREATE INDEX users_a ON users (a);\n' +
  'ALTER TABLE teams ADD COLUMN b int;\nUPDATE teams SET b = 2;\nINSERT INTO log VALUES (1);\nSELECT 1;\nCOMMIT;';

new RuleTester({ plugins: [locking] }).run('locking/access-exclusive-then-more', rule, {
  valid: [
    { name: 'autocommit: each statement commits, and its lock ends with it', code: `ALTER TABLE users ADD COLUMN a int;\n${selects(10)}` },
    { name: 'the lock is taken last', code: `BEGIN;\n${selects(8)}\nALTER TABLE users ADD COLUMN a int;\nCOMMIT;` },
    { name: 'five statements may follow by default', code: `BEGIN;\nALTER TABLE users ADD COLUMN a int;\n${selects(5)}\nCOMMIT;` },
    { name: 'SET, SHOW and transaction control do not count', code: `BEGIN;\nALTER TABLE users ADD COLUMN a int;\nSET LOCAL search_path = app;\nSHOW search_path;\n${selects(5)}\nSAVEPOINT s;\nRELEASE s;\nCOMMIT;` },
    { name: 'a table created in this migration', code: `CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a int;\n${selects(8)}`, settings: { assumeTransaction: true } },
    { name: 'SHARE (CREATE INDEX) lets reads through', code: `BEGIN;\nCREATE INDEX i ON users (a);\n${selects(8)}\nCOMMIT;` },
    { code: BACKFILL, options: { maxStatements: 6 } },
  ],
  invalid: [
    {
      // A statement of a body has its DO's index: the statements after the DO are counted.
      name: 'the lock taken inside a DO block, in a transaction with more after it',
      code: `BEGIN;\nSELECT 0;\nDO $$ BEGIN ALTER TABLE users ADD COLUMN a int; END $$;\n${selects(6)}\nCOMMIT;`,
      errors: [{ messageId: 'tooMany', line: 3, data: { target: 'Table "users"', count: 6, max: 5 } }],
    },
    {
      name: 'a backfill, an index build and another table after the lock',
      code: BACKFILL,
      errors: [{ messageId: 'tooMany', line: 2, column: 13, endLine: 2, endColumn: 18, data: { target: 'Table "users"', count: 6, max: 5 } }],
    },
    {
      name: 'the runner’s transaction (assumeTransaction), maxStatements 0',
      code: '-- 🧹 cleanup\nALTER TABLE "Users" DROP COLUMN legacy;\nSELECT 1;',
      settings: { assumeTransaction: true },
      options: { maxStatements: 0 },
      errors: [{ messageId: 'tooMany', line: 2, column: 13, endColumn: 20, data: { target: 'Table "Users"', count: 1, max: 0 } }],
    },
    {
      name: 'one finding per transaction',
      code: `BEGIN;\nTRUNCATE a;\n${selects(2)}\nCOMMIT;\nBEGIN;\nDROP TABLE b;\n${selects(2)}\nCOMMIT;`,
      options: { maxStatements: 1 },
      errors: [
        { messageId: 'tooMany', line: 2, column: 10, endColumn: 11, data: { target: 'Table "a"', count: 2, max: 1 } },
        { messageId: 'tooMany', line: 7, column: 12, endColumn: 13, data: { target: 'Table "b"', count: 2, max: 1 } },
      ],
    },
    {
      name: 'DROP INDEX locks the table of the index',
      code: `START TRANSACTION;\nDROP INDEX app.users_email_idx;\n${selects(6)}\nCOMMIT;`,
      errors: [{ messageId: 'tooMany', line: 2, column: 12, endColumn: 31, data: { target: 'Index "app.users_email_idx" (and its table)', count: 6, max: 5 } }],
    },
    {
      name: 'a table created by an earlier migration',
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE t (id int);' },
        { path: 'supabase/migrations/20240102000000_more.sql', code: `BEGIN;\nALTER TABLE t ADD COLUMN a int;\n${selects(6)}\nCOMMIT;` },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_more.sql', messageId: 'tooMany', line: 2, column: 13, endColumn: 14 }],
    },
    {
      name: '[model] a golang-migrate up file runs in a transaction',
      ...needsModel,
      filename: 'db/migrations/002_users_a.up.sql',
      code: `ALTER TABLE users ADD COLUMN a int;\n${selects(6)}`,
      errors: [{ messageId: 'tooMany', line: 1, column: 13, endColumn: 18 }],
    },
  ],
  invalidOptions: [{ maxStatements: -1 }, { maxStatements: 1.5 }, { maxStatements: '3' }, { max: 3 }],
});
