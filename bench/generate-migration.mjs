// The generated single migrations the size benchmarks lint, repeated to about `bytes`:
// - 'tables' (compare.mjs): per step a table, an index, an added column, an INSERT and a comment,
//   all on the table the step creates, so hardly anything is reported;
// - 'findings': per step changes to tables the file did not create (an index without CONCURRENTLY,
//   a dropped column, an UPDATE without WHERE, a NOT NULL column), a DO block and a function body,
//   so most statements are reported and the rules' lookups and the report path are measured too.
export function generateMigration(bytes, kind = 'tables') {
  const step = kind === 'findings' ? findingsStep : tablesStep;
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = step(i);
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

const tablesStep = (i) => `-- step ${i}
CREATE TABLE app.t${i} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX t${i}_name_idx ON app.t${i} (name);
ALTER TABLE app.t${i} ADD COLUMN note varchar(200);
INSERT INTO app.t${i} (name) VALUES ('row ${i} with some text');
COMMENT ON TABLE app.t${i} IS 'generated table ${i}';
`;

const findingsStep = (i) => `-- step ${i}
CREATE INDEX old${i}_name_idx ON app.old${i % 50} (name);
ALTER TABLE app.old${i % 50} DROP COLUMN legacy${i};
ALTER TABLE app.old${i % 50} ADD COLUMN flag${i} boolean NOT NULL;
UPDATE app.old${i % 50} SET name = lower(name);
DO $$
BEGIN
  ALTER TABLE app.old${i % 50} ALTER COLUMN name TYPE varchar(100);
  UPDATE app.old${i % 50} SET note = 'x';
END $$;
CREATE OR REPLACE FUNCTION app.touch${i}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
`;
