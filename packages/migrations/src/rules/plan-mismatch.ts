/**
 * sqitch and drizzle run what their plan (sqitch.plan, meta/_journal.json) lists, not what is in
 * the directory: a script the plan does not list never runs, and a listed script that is missing
 * stops the deploy.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: "Report migration scripts and plan entries that do not match (sqitch.plan, drizzle's meta/_journal.json).",
      url: ruleDocsUrl('migrations', 'plan-mismatch'),
      why: 'The plan is the history: an unlisted script never runs, and a listed but missing one stops every deploy at that point.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      noPlan: 'No sqitch.plan found in "{{dir}}": sqitch deploys only the changes its plan lists, in its order, so the order here is guessed from names; keep sqitch.plan beside deploy/',
      missingScript: '{{plan}} lists change "{{change}}" but {{script}} does not exist: `sqitch deploy` fails there; restore the script or remove the change with `sqitch rework`/`sqitch remove`',
      notInPlan: 'sqitch never runs this script: change "{{change}}" is not in {{plan}}; add it with `sqitch add` or delete the script',
      noJournal: 'No {{journal}} found: drizzle\'s migrator takes the list and order of migrations from it and fails without it, so the order here is guessed from names; keep the meta/ folder drizzle-kit generates',
      badJournal: '{{journal}} is not a journal drizzle can read (no `entries` list of tags), so the migrator fails; regenerate it with drizzle-kit',
      journalMissingFile: '{{journal}} lists "{{tag}}" but {{file}} does not exist: drizzle\'s migrator fails reading it; restore the file or remove the entry',
      notInJournal: 'drizzle never runs this migration: "{{tag}}" is not listed in {{journal}}; generate migrations with drizzle-kit so the journal lists them (or add the entry)',
    },
  },
});
