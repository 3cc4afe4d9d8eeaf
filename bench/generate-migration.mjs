// The generated single migrations the size benchmarks lint, repeated to about `bytes`:
// - 'tables' (compare.mjs): per step a table, an index, an added column, an INSERT and a comment,
//   all on the table the step creates, so hardly anything is reported;
// - 'findings': per step changes to tables the file did not create (an index without CONCURRENTLY,
//   a dropped column, an UPDATE without WHERE, a NOT NULL column), a DO block and a function body,
//   so most statements are reported and the rules' lookups and the report path are measured too;
// - 'dump': as pg_dump writes a schema: tables without keys first, then keys, foreign keys and
//   indexes by ALTER TABLE ONLY / CREATE INDEX, each on a table far earlier in the file.
export function generateMigration(bytes, kind = 'tables') {
  if (kind === 'dump') return dump(bytes);
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

/** Tables first, then their keys, foreign keys and indexes, as pg_dump orders a schema. */
function dump(bytes) {
  const tables = [];
  const constraints = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const table = `CREATE TABLE public.t${i} (
    id bigint NOT NULL,
    parent_id bigint,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.t${i} OWNER TO app;

`;
    const keys = `ALTER TABLE ONLY public.t${i}
    ADD CONSTRAINT t${i}_pkey PRIMARY KEY (id);

CREATE INDEX t${i}_parent_idx ON public.t${i} USING btree (parent_id);

ALTER TABLE ONLY public.t${i}
    ADD CONSTRAINT t${i}_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.t${Math.floor(i / 2)}(id);

`;
    tables.push(table);
    constraints.push(keys);
    size += table.length + keys.length;
  }
  return tables.join('') + constraints.join('');
}
