// A finding as a unified VFileMessage: what lint() puts on each file's VFile, and what the CLI builds
// again for results that come back from a worker or the cache.

import { VFileMessage } from 'vfile-message';
import type { LintMessage } from './types.js';

export function toVFileMessage(message: LintMessage, filePath: string): VFileMessage {
  // A VFileMessage is an Error; vfile-message sets its `stack` to '' anyway, so capturing one (the
  // expensive part, for thousands of findings) is skipped.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const vmessage = new VFileMessage(message.message, {
      place: {
        start: { line: message.line, column: message.column, offset: message.offset },
        end: { line: message.endLine, column: message.endColumn, offset: message.endOffset },
      },
      ruleId: message.ruleId,
    });
    vmessage.file = filePath;
    // vfile's convention: fatal true = error, false = warning, undefined = info.
    vmessage.fatal = message.severity === 'error' ? true : message.severity === 'warning' ? false : undefined;
    if (message.url) vmessage.url = message.url;
    if (message.note) vmessage.note = message.note;
    return vmessage;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
