// psql meta-commands (`\set`, `\i`, `\if`, `\gexec`) are not SQL: only psql runs them, every
// migration runner that sends SQL to the server fails on them.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report psql meta-commands, which only psql understands.',
      url: ruleDocsUrl('migralint', 'psql-meta-command'),
      why: 'Migration runners send the file to the server as SQL; a psql meta-command is a syntax error there. migralint skips the line and lints the rest.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      metaCommand:
        'psql meta-command {{command}} is not SQL: only psql runs it, other migration runners fail on it; migralint skipped this line — use plain SQL, or keep this file for psql only',
    },
  },
});
