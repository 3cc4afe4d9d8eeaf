/**
 * Postgres keeps 63 bytes of an identifier (NAMEDATALEN - 1) and silently cuts the rest — in the
 * scanner, so for every name in every statement, quoted or not, with only a NOTICE nobody reads.
 * The table is then called something else than the migration says, and two long names that share
 * their first 63 bytes (`…_created_at_idx` and `…_created_at_brin`) are the same name: the second
 * CREATE fails, or worse, `DROP INDEX IF EXISTS` drops the other one. Bytes, not characters: a
 * name in Greek or with an emoji reaches the limit far sooner than it looks.
 *
 * Every identifier token the scanner reads is checked, at its exact position.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { byteLength, clipBytes, MAX_IDENTIFIER_BYTES, quoteName } from '../postgres-names.js';

export interface IdentifierTooLongOptions {
  /** Report names longer than this many bytes (at most 63, where Postgres cuts). */
  maxBytes: number;
}

/**
 * Almost no statement has a long name, so most need no tokens at all: a name over `maxBytes`
 * UTF-8 bytes needs a run of at least that many characters in ASCII text (a third as many UTF-16
 * units otherwise: 3 bytes per unit at most) — unquoted ones of name characters, quoted ones of
 * anything but a lone `"`. Without such a run the statement cannot hold one; with one, the scanner decides.
 */
function mayHoldLongName(text: string, maxBytes: number): boolean {
  const ascii = !/[^\x00-\x7f]/.test(text);
  const run = ascii ? maxBytes + 1 : Math.ceil((maxBytes + 1) / 3);
  if (hasNameRun(text, run)) return true;
  // A quoted name (`""` inside it is one quote) is a stretch between two quotes; splitting at every
  // quote may also flag a long stretch between names, which only costs a scan.
  return text.includes('"') && text.replaceAll('""', '__').split('"').some((segment) => segment.length >= run);
}

/**
 * Whether `run` characters in a row could make an unquoted name (`[A-Za-z0-9_$\u0080-\uffff]`), in
 * one pass. A loop, not a regex: V8's regex engine overflows its stack on a 10 MB string literal.
 */
function hasNameRun(text: string, run: number): boolean {
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inName = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80;
    if (!inName) current = 0;
    else if (++current >= run) return true;
  }
  return false;
}

export default defineRule<IdentifierTooLongOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report identifiers longer than 63 bytes, which Postgres silently truncates.',
      url: ruleDocsUrl('naming', 'identifier-too-long'),
      why:
        'Postgres cuts identifiers to 63 bytes without an error: the object gets another name than the migration says, ' +
        'and two long names with the same first 63 bytes collide.',
    },
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    messages: {
      tooLong:
        '"{{name}}" is {{bytes}} bytes long and Postgres silently truncates it to 63 bytes ("{{truncated}}"): the object is not called what the migration says, and names sharing those 63 bytes collide; choose a name of at most 63 bytes',
      overLimit:
        '"{{name}}" is {{bytes}} bytes long, more than the {{maxBytes}} bytes this project allows: names Postgres derives from it (`_pkey`, `_fkey`, `_seq`) get cut to 63 bytes and can collide; choose a shorter name',
      useTruncated: 'Write the name Postgres stores: {{truncated}}',
    },
    schema: {
      type: 'object',
      properties: {
        maxBytes: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_IDENTIFIER_BYTES,
          description: 'Report names longer than this many bytes; 63 (the default) is where Postgres truncates.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxBytes: MAX_IDENTIFIER_BYTES },
    sources: [{ tool: 'squawk', rule: 'identifier-too-long' }],
  },
  create(context) {
    const maxBytes = context.options.maxBytes ?? MAX_IDENTIFIER_BYTES;
    return {
      Statement(_node, statement) {
        if (!mayHoldLongName(statement.text, maxBytes)) return;
        for (const token of context.tokensOf()) {
          // U&"…" names are written with escapes; their stored length is not the text's.
          if (token.kind !== 'identifier' || /^u&/i.test(token.text)) continue;
          const bytes = byteLength(token.value);
          if (bytes <= maxBytes) continue;
          const at = { start: token.start, end: token.end };
          if (bytes <= MAX_IDENTIFIER_BYTES) {
            context.report({ messageId: 'overLimit', data: { name: token.value, bytes, maxBytes }, at });
            continue;
          }
          const truncated = clipBytes(token.value);
          const written = token.text.startsWith('"') ? `"${truncated.replaceAll('"', '""')}"` : quoteName(truncated);
          context.report({
            messageId: 'tooLong',
            data: { name: token.value, bytes, truncated },
            at,
            note:
              'Postgres only prints a NOTICE ("identifier … will be truncated"). Shorten the name, e.g. drop filler words or use ' +
              'common abbreviations (`idx`, `fk`), and keep room for the suffixes Postgres adds to derived names.',
            suggest: [{ messageId: 'useTruncated', data: { truncated: written }, fix: { range: [token.start, token.end], text: written } }],
          });
        }
      },
    };
  },
});
