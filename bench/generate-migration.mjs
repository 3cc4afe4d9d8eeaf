// The generated single migration the size benchmarks lint: tables, indexes, an added column, an
// INSERT and a comment per step, repeated to about `bytes`. Shared by compare.mjs and profile-size.mjs.
export function generateMigration(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = `-- step ${i}
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
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}
