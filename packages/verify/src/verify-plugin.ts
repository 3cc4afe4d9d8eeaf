// verify's findings as rules of a `verify` plugin, so they go through the engine like any other:
// same positions (UTF-16 offsets → lines and columns), same directives
// (`-- migralint-disable-next-statement verify/table-rewrite -- …`), same severities from the config,
// same reporters. The database run happens first (async, outside lint()); each rule's `project` hook
// then reports the findings of its id that the run produced.
//
// `verifyPlugin` (the package's default export) has the same rules reporting nothing: listing it in
// a config's `plugins` lets the config set their severities, and `migralint rules` list them.

import { definePlugin, defineRule, type Plugin, type Range, type Rule, type RuleMeta } from '@migralint/core';

const DOCS = 'https://github.com/migralint/migralint/blob/main/docs/verify.md';

/** A finding of the database run, placed in a file. */
export interface VerifyFinding {
  /** Rule name within the `verify` plugin, e.g. `statement-failed`. */
  rule: VerifyRuleName;
  messageId: string;
  /** Path as in `SourceFile.path`. */
  file: string;
  /** What the finding spans: usually a statement. */
  range: Range;
  /** A UTF-16 offset inside `range` to point at instead (Postgres' error position): its token. */
  offset?: number;
  data: Record<string, unknown>;
  note?: string;
}

function meta(rule: string, type: RuleMeta['type'], defaultSeverity: RuleMeta['defaultSeverity'], description: string, why: string, messages: Record<string, string>): RuleMeta {
  return {
    type,
    docs: { description, url: `${DOCS}#verify${rule}`, why },
    defaultSeverity,
    recommended: true,
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  };
}

export const VERIFY_RULES = {
  'statement-failed': meta(
    'statement-failed',
    'problem',
    'error',
    'Report a statement PostgreSQL rejects when the history is applied in order.',
    'The runner stops at this statement in production too: the deploy fails, possibly half applied.',
    { failed: 'PostgreSQL rejects this statement: {{message}} (SQLSTATE {{code}})' },
  ),
  'dependent-failure': meta(
    'dependent-failure',
    'problem',
    'warning',
    'Report a statement that fails because of an earlier failure, a missing extension, or something from outside the history already reported once.',
    'Fix the earlier failure first; this one will probably go with it.',
    { failed: 'PostgreSQL rejects this statement: {{message}} (SQLSTATE {{code}}), a consequence of {{cause}}' },
  ),
  'extension-unavailable': meta(
    'extension-unavailable',
    'problem',
    'warning',
    'Report CREATE EXTENSION of an extension the database verify runs on does not have.',
    'What needs the extension cannot be verified here; a server that has it can (--database-url).',
    {
      unavailable:
        'Extension "{{extension}}" is not available in {{database}}, so what uses it was not verified; run `migralint verify --database-url postgres://…` against a server that has it',
    },
  ),
  'extension-stand-in': meta(
    'extension-stand-in',
    'suggestion',
    'info',
    'Report CREATE EXTENSION of an extension the database lacks that verify replaced with a stand-in (vector, pgmq, http, pg_net, pg_cron on PGlite).',
    'The stand-in has the extension\'s types, functions, operators and index methods, so the history applies; it is not the extension, so what depends on its behaviour is not verified.',
    {
      standIn:
        'Extension "{{extension}}" is not in {{database}}: verify created a stand-in with {{provides}}. The history applies on it, but it is not {{extension}} itself; to verify with the real one, run `migralint verify --database-url postgres://…` on a disposable server that has it',
    },
  ),
  'down-not-restoring': meta(
    'down-not-restoring',
    'problem',
    'error',
    'Report a down migration that does not bring the schema back to what it was before its up.',
    'A rollback that leaves objects behind, or loses some, fails or corrupts the next deploy of the same migration.',
    { differs: 'Running the up and then this down does not restore the schema: {{summary}}' },
  ),
  'up-not-rerunnable': meta(
    'up-not-rerunnable',
    'problem',
    'error',
    'Report an up migration that fails when applied again after its down.',
    'After a rollback the same migration is deployed again; if it fails then, the rollback left something behind (rows, sequences, objects outside the schema).',
    { failsAgain: 'This up fails when applied again after its down: {{message}} (SQLSTATE {{code}})' },
  ),
  'table-rewrite': meta(
    'table-rewrite',
    'problem',
    'error',
    'Report a statement that rewrites a table, materialized view or index that existed before its migration.',
    'A rewrite copies every row (and rebuilds every index) under an ACCESS EXCLUSIVE lock: on a production table reads and writes wait for as long as copying the table takes.',
    {
      rewrite: 'This statement rewrites {{relations}} under an ACCESS EXCLUSIVE lock (PostgreSQL gave it a new data file): every read and write of it waits for the whole copy',
      indexRebuild: 'This statement rebuilds {{relations}} under an ACCESS EXCLUSIVE lock: queries on the table wait for the whole rebuild',
    },
  ),
  'access-exclusive-lock': meta(
    'access-exclusive-lock',
    'problem',
    'warning',
    'Report an ACCESS EXCLUSIVE lock on an existing table that is held for long: while the statement reads every row, or while later statements of its transaction do more work.',
    'Under ACCESS EXCLUSIVE no query can read or write the table; an instant catalog change is harmless (given a lock_timeout), a scan or a backfill under it is an outage as long as the table is large.',
    {
      scan: 'This statement reads every row of {{relations}} under an ACCESS EXCLUSIVE lock: no query can read or write it until the scan ends',
      heldThrough: 'This statement locks {{relations}} ACCESS EXCLUSIVE and the lock is held while {{what}} runs in the same transaction: no query can read or write it meanwhile',
    },
  ),
  'blocking-scan': meta(
    'blocking-scan',
    'problem',
    'warning',
    'Report a statement that reads every row of an existing table while holding a lock that blocks writes (CREATE INDEX without CONCURRENTLY, ADD FOREIGN KEY without NOT VALID).',
    'Reads go on, but every INSERT, UPDATE and DELETE of the table waits until the scan ends: as long as the table is large.',
    { scan: 'This statement reads every row of {{relations}} while holding a {{mode}} lock: every write to it waits until the scan ends' },
  ),
  'rewrite-not-observed': meta(
    'rewrite-not-observed',
    'suggestion',
    'info',
    'Report a rewrite a static rule predicts that PostgreSQL did not do.',
    'The static rule errs on the side of caution here; the statement can stay as it is if the lock is acceptable.',
    { notObserved: '{{rules}} predicts a rewrite here, but PostgreSQL did not rewrite {{relations}}' },
  ),
  'not-run': meta(
    'not-run',
    'suggestion',
    'info',
    'Report a statement verify did not send to the database, and why.',
    'Its effect is not part of what was verified.',
    { skipped: 'Not run by verify: {{reason}}' },
  ),
} as const;

export type VerifyRuleName = keyof typeof VERIFY_RULES;

/** The plugin for one run: each rule reports its share of `findings`. */
export function createVerifyPlugin(findings: readonly VerifyFinding[] = []): Plugin {
  const rules: Record<string, Rule> = {};
  for (const [name, ruleMeta] of Object.entries(VERIFY_RULES)) {
    const mine = findings.filter((f) => f.rule === name);
    rules[name] = defineRule({
      meta: ruleMeta,
      project(context) {
        const files = new Map(context.project.files.map((f) => [f.path, f]));
        for (const finding of mine) {
          const file = files.get(finding.file);
          if (!file) continue;
          let at: Range = finding.range;
          if (finding.offset !== undefined) {
            const statement = file.statements.find((s) => s.start <= finding.offset! && finding.offset! <= s.end);
            // The token at the position (or the next one: Postgres may point at the space before it).
            const token = statement ? context.tokensOf(file.path, statement).find((t) => t.end > finding.offset!) : undefined;
            at = token ? { start: token.start, end: token.end } : { start: finding.offset, end: Math.max(finding.offset, Math.min(finding.offset + 1, finding.range.end)) };
          }
          context.report({ file: finding.file, messageId: finding.messageId, data: finding.data, at, ...(finding.note ? { note: finding.note } : {}) });
        }
      },
    });
  }
  return definePlugin({ name: 'verify', rules });
}

export const verifyPlugin: Plugin = createVerifyPlugin();
