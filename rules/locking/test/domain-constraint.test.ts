import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/domain-constraint.js';

new RuleTester({ plugins: [locking] }).run('locking/domain-constraint', rule, {
  valid: [
    { name: 'squawk ban_create_domain_with_constraint ok#1', code: 'CREATE DOMAIN domain_name_1 AS TEXT;\nCREATE DOMAIN domain_name_2 AS CHARACTER VARYING;' },
    { name: 'DEFAULT, NULL and COLLATE are not constraints', code: 'CREATE DOMAIN d AS text DEFAULT \'x\' NULL COLLATE "C";' },
    { name: 'NOT VALID checks nothing now', code: 'ALTER DOMAIN email ADD CONSTRAINT email_check CHECK (value LIKE \'%@%\') NOT VALID;' },
    {
      name: 'forms that check no data',
      code:
        'ALTER DOMAIN domain_name_3 DROP CONSTRAINT other_domain_name;\nALTER DOMAIN domain_name_4 RENAME CONSTRAINT constraint_name TO other_constraint_name;\n' +
        'ALTER DOMAIN domain_name_5 RENAME TO other_domain_name;\nALTER DOMAIN domain_name_7 OWNER TO you;\nALTER DOMAIN domain_name_8 SET SCHEMA foo;\nALTER DOMAIN d DROP NOT NULL;',
    },
    { name: 'VALIDATE takes SHARE UPDATE EXCLUSIVE from Postgres 19', code: 'ALTER DOMAIN email VALIDATE CONSTRAINT email_check;', settings: { postgresVersion: 19 } },
    { name: 'a domain created in the same file has no columns yet', code: 'CREATE DOMAIN email AS text;\nALTER DOMAIN email ADD CONSTRAINT email_check CHECK (value LIKE \'%@%\');\nALTER DOMAIN email SET NOT NULL;' },
  ],
  invalid: [
    {
      name: 'squawk ban_alter_domain_with_add_constraint err#1',
      code: '     ALTER DOMAIN domain_name ADD CONSTRAINT constraint_name CHECK (value > 0);',
      errors: [{ messageId: 'addConstraint', line: 1, column: 46, endColumn: 61, data: { domain: 'domain_name', kind: 'CHECK' } }],
    },
    {
      name: 'squawk ban_create_domain_with_constraint err#1',
      code: 'CREATE DOMAIN domain_name_3 AS NUMERIC(15,5) CHECK (value > 0);',
      errors: [{ messageId: 'createWithConstraint', column: 46, endColumn: 51, data: { domain: 'domain_name_3', kind: 'CHECK' } }],
    },
    {
      name: 'squawk err_with_multiple_constraints#1: one finding each',
      code: 'create domain d as t check (value > 0) not null;',
      errors: [
        { messageId: 'createWithConstraint', column: 22, endColumn: 27, data: { domain: 'd', kind: 'CHECK' } },
        { messageId: 'createWithConstraint', column: 40, endColumn: 48, data: { domain: 'd', kind: 'NOT NULL' } },
      ],
    },
    {
      name: 'SET NOT NULL checks every column of the domain (Squawk allows it)',
      code: 'ALTER DOMAIN app.email SET NOT NULL;',
      errors: [{ messageId: 'setNotNull', column: 14, endColumn: 23, data: { domain: 'app.email' } }],
    },
    {
      name: 'ADD NOT NULL',
      code: 'ALTER DOMAIN email ADD NOT NULL;',
      errors: [{ messageId: 'addConstraint', column: 24, endColumn: 32, data: { domain: 'email', kind: 'NOT NULL' } }],
    },
    {
      name: 'VALIDATE CONSTRAINT takes SHARE locks before Postgres 19 (Squawk allows it)',
      code: '-- 📧\r\nALTER DOMAIN email VALIDATE CONSTRAINT email_check;',
      errors: [{ messageId: 'validate', line: 2, column: 14, endColumn: 19, data: { domain: 'email', constraint: 'email_check' } }],
    },
  ],
});
