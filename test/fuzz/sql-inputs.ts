// What the fuzz harness feeds the engine: SQL seeded from the project's own fixtures, mutated the
// ways real files go wrong (and attackers try), SQL generated from statement templates, and whole
// migration histories. All as fast-check arbitraries, so a failure shrinks to a small input and
// replays from its seed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .sql file under fixtures/ (the example project and the layout fixtures): the seeds. */
export function fixtureSeeds(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(abs);
      else if (entry.isFile() && entry.name.endsWith('.sql')) out.push(fs.readFileSync(abs, 'utf8'));
    }
  };
  walk(path.join(repoRoot, 'fixtures'));
  return out;
}

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);

/** Pieces that open something and never close it, or that parsers and scanners find hard. */
const NASTY = [
  "'", '"', '$$', '$body$', '$a$ $b$', '/*', '/* /* */', '--', "E'\\", "U&'\\", 'B\'1', '\\', ';', ';;', '\\i x.sql\n',
  '\u0000', '\uFEFF', '\r', '\u2028', '\u202E', '\u001B[2J', '😀', '\uD800', 'BEGIN;', 'COMMIT;', 'BEGIN ATOMIC', '{{ x }}',
  '-- migralint-disable-next-statement', '-- migralint-disable', '-- migralint-disable-file destructive', '-- +goose Up\n', '-- migrate:down\n',
];

/** A SQL statement from templates, with identifiers that may be long, quoted, unicode or control-laden. */
export const identifier = fc.oneof(
  fc.constantFrom('users', 'orders', 'public.users', 'auth.users', 'a', 't1'),
  fc.stringMatching(/^[a-z_][a-z0-9_$]{0,80}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `"${s.replaceAll('"', '""')}"`),
  fc.integer({ min: 60, max: 5000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('"x\u001B[2J\u001B]8;;https://evil\u0007"', '"\u202Eabc"', '"a\nb"'),
);

const typeName = fc.constantFrom('int', 'bigint', 'text', 'varchar(10)', 'timestamptz', 'jsonb', 'uuid', 'numeric(10,2)', 'boolean', 'serial');

export const statement = fc.oneof(
  fc.tuple(identifier, identifier, typeName).map(([t, c, ty]) => `CREATE TABLE ${t} (${c} ${ty} PRIMARY KEY, x text NOT NULL DEFAULT '')`),
  fc.tuple(identifier, identifier, typeName).map(([t, c, ty]) => `ALTER TABLE ${t} ADD COLUMN ${c} ${ty} NOT NULL`),
  fc.tuple(identifier, identifier).map(([t, c]) => `ALTER TABLE ${t} DROP COLUMN ${c}`),
  fc.tuple(identifier, identifier, typeName).map(([t, c, ty]) => `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE ${ty}`),
  fc.tuple(identifier, identifier).map(([t, c]) => `ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL`),
  fc.tuple(identifier, identifier, fc.boolean()).map(([i, t, conc]) => `CREATE INDEX ${conc ? 'CONCURRENTLY ' : ''}${i} ON ${t} (id)`),
  fc.tuple(identifier, fc.boolean()).map(([i, conc]) => `DROP INDEX ${conc ? 'CONCURRENTLY ' : ''}IF EXISTS ${i}`),
  identifier.map((t) => `DROP TABLE ${t}`),
  identifier.map((t) => `TRUNCATE ${t}`),
  fc.tuple(identifier, identifier).map(([a, b]) => `ALTER TABLE ${a} RENAME TO ${b}`),
  fc.tuple(identifier, identifier).map(([t, r]) => `ALTER TABLE ${t} ADD CONSTRAINT fk FOREIGN KEY (rid) REFERENCES ${r} (id)`),
  identifier.map((t) => `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`),
  fc.tuple(identifier, identifier).map(([p, t]) => `CREATE POLICY ${p} ON ${t} USING (auth.uid() = user_id)`),
  identifier.map((f) => `CREATE FUNCTION ${f}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$`),
  fc.tuple(identifier, identifier).map(([t, r]) => `GRANT SELECT ON ${t} TO ${r}`),
  fc.constantFrom('BEGIN', 'COMMIT', 'ROLLBACK', 'SET lock_timeout = \'2s\'', 'VACUUM', 'SELECT 1', 'CREATE EXTENSION IF NOT EXISTS pgcrypto'),
  fc.integer({ min: 1, max: 3000 }).map((n) => `SELECT ${'('.repeat(n)}1${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 500 }).map((n) => `SELECT ${Array.from({ length: n }, () => 'CASE WHEN true THEN').join(' ')} 1 ${' END'.repeat(n)}`),
);

export const generatedSql = fc
  .tuple(fc.array(statement, { minLength: 0, maxLength: 12 }), fc.constantFrom(';\n', ';\r\n', ';\r', '; ', ';\n\n-- note\n'))
  .map(([statements, separator]) => statements.join(separator) + (statements.length ? ';\n' : ''));

/** One mutation of a text, as bytes (some mutations make it invalid UTF-8 on purpose). */
type Mutation = (text: string) => Uint8Array;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Byte flips anywhere.
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): Mutation => (text) => {
    const bytes = bytesOf(text);
    if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes;
  }),
  // Truncation, possibly in the middle of a multi-byte character.
  fc.nat().map((at): Mutation => (text) => bytesOf(text).slice(0, at % (bytesOf(text).length + 1))),
  // Statements shuffled (cut at semicolons; statement boundaries need not be right for a mutation).
  fc.array(fc.nat(), { maxLength: 20 }).map((keys): Mutation => (text) => {
    const parts = text.split(';');
    const order = parts.map((part, i) => ({ part, key: keys[i % Math.max(1, keys.length)] ?? i }));
    return bytesOf(order.sort((a, b) => a.key - b.key).map((p) => p.part).join(';'));
  }),
  // Something unterminated or hard inserted somewhere.
  fc.tuple(fc.nat(), fc.constantFrom(...NASTY)).map(([at, piece]): Mutation => (text) => {
    const cut = at % (text.length + 1);
    return bytesOf(text.slice(0, cut) + piece + text.slice(cut));
  }),
  // A byte order mark, CR-only line ends, a NUL, UTF-16 or Latin-1 bytes (mixed encodings).
  fc.constantFrom<Mutation>(
    (text) => bytesOf(`\uFEFF${text}`),
    (text) => bytesOf(text.replace(/\r?\n/g, '\r')),
    (text) => bytesOf(text.replace(/\n/g, '\r\n')),
    (text) => bytesOf(`${text}\u0000`),
    (text) => new Uint8Array([...bytesOf(text.slice(0, text.length >> 1)), 0xe9, 0x20, 0xff, ...bytesOf(text.slice(text.length >> 1))]),
    (text) => new Uint8Array([...bytesOf(text), ...new Uint8Array(Buffer.from('SELECT 1;', 'utf16le'))]),
  ),
);

/** A seed, mutated one to four times. */
export function mutatedSql(seeds: readonly string[]): fc.Arbitrary<Uint8Array> {
  const source = seeds.length > 0 ? fc.oneof(fc.constantFrom(...seeds), generatedSql) : generatedSql;
  return fc.tuple(source, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, mutations]) => {
    let bytes = bytesOf(text);
    for (const mutate of mutations) bytes = mutate(Buffer.from(bytes).toString('utf8'));
    return bytes;
  });
}

/** A file's content: generated, a seed as is, or a mutated seed. */
export function sqlContent(seeds: readonly string[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(generatedSql.map(bytesOf), ...(seeds.length > 0 ? [fc.constantFrom(...seeds).map(bytesOf)] : []), mutatedSql(seeds));
}

export interface InputFile {
  path: string;
  content: Uint8Array;
}

/**
 * A migration history: a folder of one layout's file names (some duplicated, some out of order,
 * some downs without ups), each with generated or mutated content.
 */
export function history(seeds: readonly string[]): fc.Arbitrary<InputFile[]> {
  const name = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.stringMatching(/^[a-z_]{1,12}$/), fc.constantFrom('.up.sql', '.down.sql')).map(([n, s, ext]) => `db/migrations/${String(n).padStart(3, '0')}_${s}${ext}`),
    fc.tuple(fc.integer({ min: 20200101000000, max: 20291231235959 }), fc.stringMatching(/^[a-z_]{1,12}$/)).map(([n, s]) => `supabase/migrations/${n}_${s}.sql`),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.stringMatching(/^[a-z_]{1,12}$/)).map(([n, s]) => `flyway/V${n}__${s}.sql`),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.stringMatching(/^[a-z_]{1,12}$/)).map(([n, s]) => `prisma/migrations/${n}_${s}/migration.sql`),
    fc.stringMatching(/^[a-z0-9_.-]{1,16}$/).map((s) => `db/migrations/${s}.sql`),
  );
  return fc.uniqueArray(fc.record({ path: name, content: sqlContent(seeds) }), { minLength: 1, maxLength: 8, selector: (f) => f.path });
}
