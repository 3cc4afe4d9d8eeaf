import { describe, expect, it } from 'vitest';
import { pub, q, replay } from './replay-helpers.js';

describe('replaySchema: row-level security and policies across migrations', () => {
  it('sees RLS enabled three migrations after the table was created', async () => {
    const { model } = await replay([
      `CREATE TABLE notes (id int, owner uuid);`,
      `ALTER TABLE notes ADD COLUMN body text;`,
      `CREATE INDEX notes_owner_idx ON notes (owner);`,
      `ALTER TABLE notes ENABLE ROW LEVEL SECURITY; ALTER TABLE notes FORCE ROW LEVEL SECURITY;`,
    ]);
    expect([0, 1, 2, 3].map((i) => model.after(i).table(pub('notes'))!.rlsEnabled)).toEqual([false, false, false, true]);
    expect(model.before(3).table(pub('notes'))!.rlsForced).toBe(false);
    expect(model.atEnd().table(pub('notes'))!.rlsForced).toBe(true);
    // The table object is shared by the snapshots in which it did not change.
    expect(model.after(0).table(pub('notes'))).not.toBe(model.after(1).table(pub('notes')));
    expect(model.after(2).table(pub('notes'))).toBe(model.after(1).table(pub('notes')));
  });

  it('keeps command, roles, permissive and the USING / WITH CHECK text of policies', async () => {
    const { model } = await replay([
      `CREATE TABLE docs (id int, owner uuid, public boolean);
       ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
       CREATE POLICY "Owners can update" ON docs AS PERMISSIVE FOR UPDATE TO authenticated, service_role
         USING ( auth.uid() = owner )
         WITH CHECK (auth.uid() = owner AND (public OR owner IS NOT NULL));
       CREATE POLICY read_public ON docs AS RESTRICTIVE FOR SELECT USING (public);
       CREATE POLICY everything ON docs USING (true);`,
    ]);
    expect(model.atEnd().table(pub('docs'))!.policies).toEqual([
      { name: 'Owners can update', command: 'update', roles: ['authenticated', 'service_role'], permissive: true, using: 'auth.uid() = owner', withCheck: 'auth.uid() = owner AND (public OR owner IS NOT NULL)' },
      { name: 'read_public', command: 'select', roles: ['public'], permissive: false, using: 'public' },
      { name: 'everything', command: 'all', roles: ['public'], permissive: true, using: 'true' },
    ]);
    expect(model.atEnd().isExternal('function', q('auth', 'uid'))).toBe(true);
  });

  it('a policy dropped and recreated later, and one altered and renamed', async () => {
    const { model } = await replay([
      `CREATE TABLE t (id int, owner text); CREATE POLICY p ON t FOR SELECT USING (owner = current_user);`,
      `DROP POLICY p ON t;`,
      `CREATE POLICY p ON t FOR DELETE TO admin USING (false);`,
      `ALTER POLICY p ON t TO admin, auditor USING (owner = 'x');`,
      `ALTER POLICY p ON t RENAME TO p2; DROP POLICY IF EXISTS nope ON t;`,
    ]);
    const policies = (i: number) => model.after(i).table(pub('t'))!.policies;
    expect(policies(0)).toEqual([{ name: 'p', command: 'select', roles: ['public'], permissive: true, using: 'owner = current_user' }]);
    expect(policies(1)).toEqual([]);
    expect(policies(2)).toEqual([{ name: 'p', command: 'delete', roles: ['admin'], permissive: true, using: 'false' }]);
    expect(policies(3)).toEqual([{ name: 'p', command: 'delete', roles: ['admin', 'auditor'], permissive: true, using: "owner = 'x'" }]);
    expect(policies(4).map((p) => p.name)).toEqual(['p2']);
    expect(model.skipped).toEqual([]);
  });

  it('policies and RLS on an external table (storage.objects) are kept on a stub', async () => {
    const { model } = await replay([`CREATE POLICY "read own" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');`, `ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;`]);
    const objects = model.atEnd().table(q('storage', 'objects'))!;
    expect(objects.createdIn).toBeUndefined();
    expect(objects.rlsEnabled).toBe(true);
    expect(objects.policies.map((p) => p.name)).toEqual(['read own']);
    expect(model.atEnd().isExternal('table', q('storage', 'objects'))).toBe(true);
    expect(model.atEnd().schemas()).toContain('storage');
    // External: it existed before the history began, without what the history later adds to it.
    expect(model.before(0).table(q('storage', 'objects'))).toEqual({ name: q('storage', 'objects'), columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind: 'table' });
    expect(model.before(0).schemas()).toContain('storage');
    expect(model.before(1).table(q('storage', 'objects'))).toMatchObject({ rlsEnabled: false, policies: [{ name: 'read own' }] });
    expect(model.createdIn(0, 'table', q('storage', 'objects'))).toBe(false);
  });
});
