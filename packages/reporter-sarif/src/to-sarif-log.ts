// LintResult → one SARIF run. Everything GitHub code scanning needs is here: driver rules with help,
// %SRCROOT%-relative locations with UTF-16 columns, stable fingerprints, and invocation status.

import type { LintResult } from '@migralint/core';
import { directoryUri, sourceRoot, SRCROOT } from './artifact-uri.js';
import type { ReporterOptions } from './options.js';
import { buildRuleTable } from './rule-descriptors.js';
import { SARIF_SCHEMA_URI, SARIF_VERSION, type SarifLog } from './sarif-log.js';
import { fileResults } from './sarif-results.js';
import { toolNotification } from './tool-notifications.js';
import { toolVersion } from './tool-version.js';

export const INFORMATION_URI = 'https://github.com/migralint/migralint';

export function toSarifLog(result: LintResult, options: ReporterOptions): SarifLog {
  const reported = result.files.flatMap((file) => file.messages.map((message) => message.ruleId));
  const rules = buildRuleTable(result, reported);
  const ruleIndex = (id: string) => rules.indexOf.get(id)!;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'migralint',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: !result.failed,
            toolExecutionNotifications: result.notifications.map((notification) => toolNotification(notification, options, rules.indexOf)),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: { uri: directoryUri(sourceRoot(options)), description: { text: options.root ? 'The repository root.' : 'The directory migralint ran in.' } },
        },
        // LintMessage columns count UTF-16 code units (DESIGN.md §5); say so rather than rely on the default.
        columnKind: 'utf16CodeUnits',
        results: result.files.flatMap((file) => fileResults(file, options, ruleIndex)),
      },
    ],
  };
}
