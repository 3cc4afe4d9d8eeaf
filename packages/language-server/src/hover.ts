// Hover on a finding: what the rule found, why it matters, the safe way, and the rule's page.

import type { LintMessage, LintResult } from '@migralint/core';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { rangeOf } from './diagnostics.js';

export function hoverAt(offset: number, messages: readonly LintMessage[], rules: LintResult['rules']): Hover | null {
  const here = messages.filter((m) => !m.suppressed && m.offset <= offset && offset <= m.endOffset);
  if (here.length === 0) return null;
  const sections = here.map((message) => {
    const rule = rules[message.ruleId];
    const url = message.url ?? rule?.docs.url;
    return [
      `**${message.ruleId}** (${message.severity}): ${message.message}`,
      rule?.docs.why ? `**Why:** ${rule.docs.why}` : undefined,
      message.note ? `**Safe way:** ${message.note.replace(/^Safe way:\s*/i, '')}` : undefined,
      url ? `[${message.ruleId} documentation](${url})` : undefined,
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: rangeOf(here[0]!) };
}
