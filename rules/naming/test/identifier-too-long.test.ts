import { RuleTester } from '@migralint/rule-tester';
import naming from '../src/index.js';
import rule from '../src/rules/identifier-too-long.js';
import { span } from './positions.js';

const LONG_TABLE = 'table_very_long_very_long_very_long_very_long_very_long_very_long'; // 65 bytes
const LONG_COLUMN = 'column_very_long_very_long_very_long_very_long_very_long_very_long'; // 66 bytes
const SQUAWK_CREATE = `\ncreate table ${LONG_TABLE} (${LONG_COLUMN} bigint);\n        `;

// 32 Greek letters: 32 characters, 64 bytes.
const GREEK = 'αβγδεζηθικλμνξοπρστυφχψωαβγδεζηθ';
const GREEK_CUT = GREEK.slice(0, 31);

const ESCAPED = `"${'a'.repeat(63)}""b"`; // stored as aaa…a"b, 65 bytes
const EMOJI_CRLF = `-- 🚀 orders by region\r\nALTER TABLE orders\r\n  ADD COLUMN ${ESCAPED} int;\r\n`;

const INDEX_NAME = 'orders_customer_id_created_at_shipping_region_status_partial_idx'; // 64 bytes
const INDEX_SQL = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${INDEX_NAME}\n  ON orders (customer_id, created_at);`;

new RuleTester({ plugins: [naming] }).run('naming/identifier-too-long', rule, {
  valid: [
    { name: 'squawk create_table_ok#1', code: '\ncreate table short_name (col bigint);\n        ' },
    {
      name: 'squawk exactly_63_bytes_ok#1',
      code: '\ncreate table table_very_long_very_long_very_long_very_long_very_long_very_lo (id bigint);\n-- ^ exactly 63 bytes\n        ',
    },
    { name: 'non-ASCII names within 63 bytes', code: `CREATE TABLE "résumé" ("${GREEK_CUT}" int);` },
    { name: 'a long string or comment is not a name', code: `-- ${LONG_TABLE}\nCOMMENT ON TABLE t IS '${LONG_TABLE}';` },
    { name: 'a stricter limit the name fits', code: 'CREATE TABLE customer_addresses (id bigint);', options: { maxBytes: 18 } },
  ],
  invalid: [
    {
      // The engine blanks `\echo /*`, so the name is code, not inside a comment.
      name: 'a long name after a psql meta-command that opens a comment the engine blanks',
      code: `SELECT 1 AS a,\n\\echo /*\n  2 AS ${LONG_TABLE} -- */\n;`,
      errors: [{ messageId: 'tooLong', data: { name: LONG_TABLE, bytes: 65, truncated: LONG_TABLE.slice(0, 63) } }],
    },
    {
      name: 'squawk create_table_long_name_err#1: table and column, each at its name',
      code: SQUAWK_CREATE,
      errors: [
        {
          messageId: 'tooLong',
          ...span(SQUAWK_CREATE, LONG_TABLE),
          data: { name: LONG_TABLE, bytes: 65, truncated: LONG_TABLE.slice(0, 63) },
          suggestions: [{ desc: `Write the name Postgres stores: ${LONG_TABLE.slice(0, 63)}`, output: SQUAWK_CREATE.replace(LONG_TABLE, LONG_TABLE.slice(0, 63)) }],
        },
        {
          messageId: 'tooLong',
          ...span(SQUAWK_CREATE, LONG_COLUMN),
          data: { name: LONG_COLUMN, bytes: 66, truncated: LONG_COLUMN.slice(0, 63) },
          suggestions: [{ output: SQUAWK_CREATE.replace(LONG_COLUMN, LONG_COLUMN.slice(0, 63)) }],
        },
      ],
    },
    {
      name: 'bytes, not characters: 32 Greek letters are 64 bytes (cut at a character boundary)',
      code: `CREATE TABLE t ("${GREEK}" int);`,
      errors: [
        {
          messageId: 'tooLong',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 51,
          data: { name: GREEK, bytes: 64, truncated: GREEK_CUT },
          suggestions: [{ output: `CREATE TABLE t ("${GREEK_CUT}" int);` }],
        },
      ],
    },
    {
      name: 'a quoted name with a doubled quote, after an emoji comment, CRLF',
      code: EMOJI_CRLF,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 14 + ESCAPED.length,
          data: { name: `${'a'.repeat(63)}"b`, bytes: 65, truncated: 'a'.repeat(63) },
          suggestions: [{ output: EMOJI_CRLF.replace(ESCAPED, `"${'a'.repeat(63)}"`) }],
        },
      ],
    },
    {
      name: 'squawk drop_table_long_name_err#1: references are truncated too',
      code: `DROP TABLE IF EXISTS public.${LONG_TABLE} CASCADE;`,
      errors: [{ messageId: 'tooLong', line: 1, column: 29, endLine: 1, endColumn: 94 }],
    },
    {
      name: 'an index name on a statement over two lines',
      code: INDEX_SQL,
      errors: [{ messageId: 'tooLong', ...span(INDEX_SQL, INDEX_NAME), data: { name: INDEX_NAME, bytes: 64, truncated: INDEX_NAME.slice(0, 63) } }],
    },
    {
      name: 'a stricter limit: room for the suffixes Postgres adds',
      code: 'CREATE TABLE customer_shipping_addresses (id bigint PRIMARY KEY);',
      options: { maxBytes: 20 },
      errors: [{ messageId: 'overLimit', line: 1, column: 14, endLine: 1, endColumn: 41, data: { name: 'customer_shipping_addresses', bytes: 27, maxBytes: 20 } }],
    },
  ],
  invalidOptions: [{ maxBytes: 0 }, { maxBytes: 64 }, { maxBytes: '63' }, { max: 63 }],
});
