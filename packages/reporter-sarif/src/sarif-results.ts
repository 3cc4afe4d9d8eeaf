// One SARIF result per finding, suppressed ones included with a `suppressions` entry, as the spec
// intends: a viewer hides them, an auditor can still see what was waived and why.

import type { FileResult, LintMessage } from '@migralint/core';
import { artifactLocation } from './artifact-uri.js';
import { createFingerprinter, FINGERPRINT_KEY } from './fingerprints.js';
import type { ReporterOptions } from './options.js';
import { toSarifLevel } from './rule-descriptors.js';
import type { SarifResult, SarifSuppression } from './sarif-log.js';

export function fileResults(file: FileResult, options: ReporterOptions, ruleIndex: (ruleId: string) => number): SarifResult[] {
  const location = artifactLocation(file.path, options);
  const text = typeof file.file.value === 'string' ? file.file.value : String(file.file.value ?? '');
  // Fingerprints count every finding, shown or not, so `--quiet` does not renumber occurrences.
  const fingerprint = createFingerprinter(location.uri, text);
  const results: SarifResult[] = [];
  for (const message of file.messages) {
    const hash = fingerprint(message);
    if (options.quiet && message.severity !== 'error') continue;
    results.push({
      ruleId: message.ruleId,
      ruleIndex: ruleIndex(message.ruleId),
      level: toSarifLevel(message.severity),
      message: { text: messageText(message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn,
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: hash },
      ...(message.suppressed ? { suppressions: [toSuppression(message.suppressed, location)] } : {}),
    });
  }
  return results;
}

/** The finding and, when the rule gave one, its note (usually the safe way), as GitHub shows it. */
function messageText(message: LintMessage): string {
  return message.note ? `${message.message}\n\n${message.note}` : message.message;
}

function toSuppression(suppressed: NonNullable<LintMessage['suppressed']>, location: ReturnType<typeof artifactLocation>): SarifSuppression {
  return {
    // A directive is a comment in the file; the baseline is a file of its own, hence `external`.
    kind: suppressed.kind === 'directive' ? 'inSource' : 'external',
    status: 'accepted',
    ...(suppressed.reason ? { justification: suppressed.reason } : {}),
    ...(suppressed.line ? { location: { physicalLocation: { artifactLocation: location, region: { startLine: suppressed.line } } } } : {}),
  };
}
