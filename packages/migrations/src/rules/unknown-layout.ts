/**
 * Without knowing the runner, migralint cannot order a directory's migrations, pair ups with
 * downs, or tell whether a statement runs inside a transaction — so every history-aware rule is
 * blind there. Reported once per directory (on its first file) by the layout analysis.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report a directory of SQL files whose migration runner migralint cannot recognise.',
      url: ruleDocsUrl('migrations', 'unknown-layout'),
      why:
        'Order, up/down pairs and transaction modes come from the runner; without them the rules that look at the ' +
        'whole history (what existed before, what runs inside a transaction) cannot check this directory.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      unknown:
        'migralint cannot tell which migration runner reads "{{dir}}" ({{count}} SQL files), so their order, pairs and transaction modes are unknown; set `layout` for this directory in the config (one of {{layouts}})',
      invalidRunner: 'The configured runner "{{runner}}" for "{{dir}}" is not one migralint knows, so the directory was not analysed; use one of {{runners}}',
      invalidSetting: 'The configured layout "{{layout}}" for "{{dir}}" is not one migralint knows, so the directory was not analysed; use one of {{layouts}}',
    },
  },
});
