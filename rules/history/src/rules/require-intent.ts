/**
 * A migration says why it exists, in a comment before its first statement (`-- Why: …`). The diff
 * shows what changes; only the author knows why — the incident, the feature, the ticket — and that
 * reason is what a reviewer, the on-call engineer reading the history at 3 a.m., or a coding
 * assistant proposing the next change needs to judge it. `migralint new` writes the header.
 *
 * Checked on up files only (a down undoes its up, whose intent covers both). A placeholder
 * (`Why: TODO`, `Why: …`) does not count. Off in `recommended`, on in `strict`.
 */
import { defineRule, ruleDocsUrl, type MigrationSet } from '@migralint/core';
import { DEFAULT_INTENT_PATTERN, readIntent } from '../intent.js';

interface Options {
  pattern: string;
}

export default defineRule<Options>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a leading comment that says why the migration exists (`-- Why: …`).',
      url: ruleDocsUrl('history', 'require-intent'),
      why:
        'The diff shows what a migration changes, not why. Without the reason, reviewers, on-call engineers and coding ' +
        'assistants reading the history cannot judge whether a change is still needed or safe to undo. Write it where it travels with the change.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    messages: {
      missing:
        'This migration does not say why it exists: reviewers and later readers of the history see what it changes but not the reason; add a comment before the first statement, e.g. "-- Why: <the need, incident or ticket>"',
      custom:
        'This migration does not say why it exists: no comment before the first statement matches /{{pattern}}/ (the project\'s intent header); add one that states the reason for the change',
    },
    schema: {
      type: 'object',
      properties: {
        pattern: {
          type: 'string',
          minLength: 1,
          description: 'Regular expression (case-insensitive) a leading comment line must match to start the intent.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { pattern: DEFAULT_INTENT_PATTERN },
  },
  create(context) {
    const { pattern } = context.options;
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      throw new Error(`history/require-intent: option "pattern" is not a valid regular expression: ${(error as Error).message}`);
    }
    return {
      Statement(_node, statement) {
        if (statement !== context.statements[0]) return;
        // Up files only: a down, or a sqitch verify script, belongs to an up whose intent covers it.
        if (context.migration ? context.migration.part.direction !== 'up' : isSqitchVerifyScript(context.file.path, context.project.model.sets)) return;
        // Only the comments before the first statement can be the header.
        if (readIntent(context.file.text.slice(0, statement.start), { pattern })) return;
        context.report({
          messageId: pattern === DEFAULT_INTENT_PATTERN ? 'missing' : 'custom',
          data: { pattern },
          at: statement,
        });
      },
    };
  },
});

/** `verify/<change>.sql` of a sqitch project: a check sqitch runs after the deploy, not a migration. */
function isSqitchVerifyScript(file: string, sets: readonly MigrationSet[]): boolean {
  return sets.some((set) => set.layout === 'sqitch' && file.startsWith(set.dir && set.dir !== '.' ? `${set.dir}/verify/` : 'verify/'));
}
