// Layout findings are data: the engine reports each under its rule id when the rule is enabled for
// the file. This builds one in the shape the engine expects.

import type { LayoutFinding, Range } from '@migralint/core';

/** The start of the file: where a finding about the whole file points. */
const FILE_START: Range = { start: 0, end: 0 };

export function layoutFinding(
  rule: string,
  file: string,
  messageId: string,
  data: Record<string, unknown> = {},
  at: Range = FILE_START,
): LayoutFinding {
  return { ruleId: `migrations/${rule}`, file, descriptor: { messageId, data, at } };
}
