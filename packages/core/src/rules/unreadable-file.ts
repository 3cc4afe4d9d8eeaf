// A file that is not UTF-8 text cannot be linted; reporting it (and exiting 2) keeps the run from
// passing silently over a migration nobody checked.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report files that are not UTF-8 SQL text (binary or another encoding). Always on.',
      url: ruleDocsUrl('migralint', 'unreadable-file'),
      why: 'A file that cannot be read as UTF-8 text was not checked; Postgres would misread it too.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      binary: 'Cannot lint this file: it is binary (NUL byte at byte {{offset}}); migrations must be UTF-8 SQL text — remove it from the migrations folder or list it in .migralintignore',
      encoding: 'Cannot lint this file: it is not valid UTF-8 (at byte {{offset}}, line {{line}}); save it as UTF-8',
      missing: 'Cannot read this file: {{reason}}',
    },
  },
});
