// One finding per risk: a rule whose meta says `supersededBy: [...]` stays quiet on a statement where
// one of those (more specific) rules reported. `rollback/irreversible-needs-annotation` repeats the
// data loss `destructive/no-drop-column` & co. already report as errors; the user should read it once.
// Runs after directives, so a directive that silenced either finding still counts as used, and a
// suppressed specific finding (a stated reason) still speaks for the statement.

import type { RuleMeta, Statement } from './types.js';
import type { FileState } from './prepare-file.js';

export function dropSuperseded(state: FileState, metaOf: (ruleId: string) => RuleMeta | undefined): void {
  const statements = state.source.statements;
  if (statements.length === 0 || !state.messages.some((m) => metaOf(m.ruleId)?.supersededBy)) return;
  const statementAt = (offset: number) => containing(statements, offset);
  const rulesAt = new Map<Statement, Set<string>>();
  for (const message of state.messages) {
    const statement = statementAt(message.offset);
    if (!statement) continue;
    let rules = rulesAt.get(statement);
    if (!rules) rulesAt.set(statement, (rules = new Set()));
    rules.add(message.ruleId);
  }
  state.messages = state.messages.filter((message) => {
    const by = metaOf(message.ruleId)?.supersededBy;
    if (!by) return true;
    const statement = statementAt(message.offset);
    const rules = statement && rulesAt.get(statement);
    return !rules || !by.some((id) => rules.has(id));
  });
}

/** The statement whose range holds `offset` (statements are in text order: a binary search). */
function containing(statements: readonly Statement[], offset: number): Statement | undefined {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
