/**
 * Several runners share one file layout and differ in what matters to the rules: whether a file
 * runs in a transaction, how names are ordered and paired. When neither the config, a manifest
 * (`go.mod`, `Cargo.toml`, `package.json`) nor a marker only one runner writes names the runner,
 * migralint guesses from the folder and says so — once per history, with the evidence and the key
 * that states it — instead of silently assuming.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report a migration runner that migralint guessed from the files, once per history, with the evidence and the setting that states it.',
      url: ruleDocsUrl('migrations', 'guessed-runner'),
      why:
        'Transaction modes, order and pairing come from the runner; a wrong guess makes the transaction-aware rules ' +
        '(CONCURRENTLY, robust statements, lock duration) report what cannot happen or miss what will.',
    },
    defaultSeverity: 'info',
    recommended: true,
    messages: {
      guessed:
        'migralint guessed that {{runner}} applies "{{dir}}" ({{evidence}}), so {{transaction}}; if that is wrong, set `settings.runner` for this directory in the config (such as "sqlx" or "psql"; docs/layouts.md#runners lists them)',
    },
  },
});
