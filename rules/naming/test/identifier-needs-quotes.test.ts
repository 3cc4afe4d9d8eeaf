import { RuleTester } from '@migralint/rule-tester';
import naming from '../src/index.js';
import rule from '../src/rules/identifier-needs-quotes.js';
import { span } from './positions.js';

const PRISMA = 'CREATE TABLE "User" (\n  "id" TEXT NOT NULL,\n  "createdAt" TIMESTAMP(3) NOT NULL,\n  CONSTRAINT "User_pkey" PRIMARY KEY ("id")\n);';
const KEYWORDS = 'CREATE TABLE "user" (\n  id bigint,\n  "order" int,\n  "left" int,\n  "between" int\n);';
const OTHER_OBJECTS =
  '-- 🧾 invoices\r\nCREATE INDEX "Invoices By Date" ON invoices (issued_on);\r\n' +
  'CREATE FUNCTION "between"(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;\r\n' +
  'ALTER TABLE invoices RENAME COLUMN total TO "Total";\r\n' +
  'CREATE POLICY "Owners can read" ON invoices FOR SELECT USING (true);\r\n';

new RuleTester({ plugins: [naming] }).run('naming/identifier-needs-quotes', rule, {
  valid: [
    { name: 'lower-case names need no quotes, quoted or not', code: 'CREATE TABLE "users" (id bigint, "email" text, résumé text, "naïve" int);' },
    { name: 'unreserved and column-name keywords are fine as column names', code: 'CREATE TABLE t (name text, type text, "position" int, "between" int);' },
    { name: 'references to existing quoted names are not definitions', code: 'CREATE INDEX users_email_idx ON "Users" ("Email");\nSELECT "Name" FROM "Users";' },
    { name: 'an ORM that always quotes: capitals allowed', code: PRISMA, options: { allowCapitals: true } },
    { name: 'names the team allows', code: 'CREATE POLICY "Owners can read" ON t FOR SELECT USING (true);', options: { allow: ['Owners can read'] } },
    { name: 'temporary tables live for one session', code: 'CREATE TEMP TABLE "Scratch" (id int);' },
  ],
  invalid: [
    {
      name: 'a Prisma-style table: capitals everywhere',
      code: PRISMA,
      errors: [
        { messageId: 'capitals', ...span(PRISMA, '"User"'), data: { kind: 'Table', name: 'User', folded: 'user', suggested: 'users' } },
        { messageId: 'capitals', ...span(PRISMA, '"createdAt"'), data: { kind: 'Column', name: 'createdAt', folded: 'createdat', suggested: 'created_at' } },
        { messageId: 'capitals', ...span(PRISMA, '"User_pkey"'), data: { kind: 'Primary key', name: 'User_pkey', folded: 'user_pkey', suggested: 'user_pkey' } },
      ],
    },
    {
      name: "keywords, by how Postgres' scanner classes them",
      code: KEYWORDS,
      errors: [
        { messageId: 'reserved', ...span(KEYWORDS, '"user"'), data: { kind: 'Table', name: 'user' } },
        { messageId: 'reserved', ...span(KEYWORDS, '"order"'), data: { kind: 'Column', name: 'order' } },
        { messageId: 'keywordHere', ...span(KEYWORDS, '"left"'), data: { kind: 'Column', name: 'left', position: 'table or column' } },
      ],
    },
    {
      name: 'an index, a function, a renamed column and a policy; emoji comment, CRLF',
      code: OTHER_OBJECTS,
      errors: [
        { messageId: 'characters', line: 2, column: 14, endLine: 2, endColumn: 32, data: { kind: 'Index', name: 'Invoices By Date', suggested: 'invoices_by_date' } },
        { messageId: 'keywordHere', line: 3, column: 17, endLine: 3, endColumn: 26, data: { kind: 'Function', name: 'between', position: 'type or function' } },
        { messageId: 'capitals', line: 4, column: 45, endLine: 4, endColumn: 52, data: { kind: 'Column', name: 'Total', folded: 'total', suggested: 'total' } },
        { messageId: 'characters', line: 5, column: 15, endLine: 5, endColumn: 32, data: { kind: 'Policy', name: 'Owners can read', suggested: 'owners_can_read' } },
      ],
    },
    {
      name: 'a name starting with a digit, a schema, a type',
      code: 'CREATE SCHEMA "2fa";\nCREATE TYPE "Mood" AS ENUM (\'ok\');',
      errors: [
        { messageId: 'characters', line: 1, column: 15, endLine: 1, endColumn: 20, data: { kind: 'Schema', name: '2fa', suggested: '_2fa' } },
        { messageId: 'capitals', line: 2, column: 13, endLine: 2, endColumn: 19, data: { kind: 'Type', name: 'Mood', folded: 'mood', suggested: 'mood' } },
      ],
    },
  ],
  invalidOptions: [{ allow: 'User' }, { allow: [''] }, { allowCapitals: 'yes' }, { capitals: false }],
});
