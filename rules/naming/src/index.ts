// @migralint/rules-naming: the team's naming conventions — migration file names per layout,
// identifier patterns per kind of object — and the names Postgres mangles: identifiers over 63
// bytes, names that need double quotes forever, names whose schema depends on the search_path.
import { definePlugin } from '@migralint/core';
import identifierNeedsQuotes from './rules/identifier-needs-quotes.js';
import identifierPattern from './rules/identifier-pattern.js';
import identifierTooLong from './rules/identifier-too-long.js';
import migrationFileName from './rules/migration-file-name.js';
import requireSchemaQualified from './rules/require-schema-qualified.js';

export default definePlugin({
  name: 'naming',
  rules: {
    'migration-file-name': migrationFileName,
    'identifier-pattern': identifierPattern,
    'identifier-too-long': identifierTooLong,
    'identifier-needs-quotes': identifierNeedsQuotes,
    'require-schema-qualified': requireSchemaQualified,
  },
});
