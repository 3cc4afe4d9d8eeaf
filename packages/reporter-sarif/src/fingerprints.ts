// partialFingerprints: how GitHub code scanning recognises "the same alert" across runs. The value
// must survive edits elsewhere in the file, so it never contains a line number: it hashes the rule,
// the file, and the flagged SQL itself (whitespace and letter case normalised), plus how many
// identical findings came before it in the file, so two equal statements stay two alerts.

import { createHash } from 'node:crypto';
import type { LintMessage } from '@migralint/core';

/** Versioned per SARIF convention: a change of algorithm gets a new key, not new values. */
export const FINGERPRINT_KEY = 'migralintFindingHash/v1';

export function createFingerprinter(reportPath: string, text: string): (message: LintMessage) => string {
  const seen = new Map<string, number>();
  return (message) => {
    const flagged = normaliseSql(text.slice(message.offset, message.endOffset));
    // An empty range (an insertion point, an unreadable file) has no text of its own.
    const subject = flagged || `#${message.messageId ?? message.message}`;
    const key = [message.ruleId, reportPath, subject].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
  };
}

function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().toLowerCase();
}
