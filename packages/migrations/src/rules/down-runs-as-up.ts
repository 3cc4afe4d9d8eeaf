/**
 * The Supabase CLI applies every `<digits>_<name>.sql` in supabase/migrations — including
 * `x.down.sql`. A rollback kept there runs right after its own migration and undoes it on every
 * deploy and `supabase db reset`.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a rollback file that the runner would apply as a forward migration.',
      url: ruleDocsUrl('migrations', 'down-runs-as-up'),
      why: 'A down migration applied forward undoes its own up migration (or fails on the duplicate version), on every deploy.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      supabaseDown:
        'The Supabase CLI runs this rollback as a forward migration (every `<digits>_<name>.sql` runs, `.down.sql` included); keep rollbacks outside supabase/migrations, or set `layout: "paired-down"` if your deploy tool skips them',
    },
  },
});
