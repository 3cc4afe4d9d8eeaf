// The CLI's side of the terminal: how wide it is, and what happens when the reader goes away.

import type { Writable } from 'node:stream';

type Output = Writable & { isTTY?: boolean; columns?: number };

/**
 * The width the terminal report wraps to: the terminal's own, `COLUMNS` when the terminal does not
 * say (some pseudo-terminals report 0), 80 as a last resort. Not a terminal: no width, no wrapping.
 */
export function terminalWidth(stdout: Output, env: Record<string, string | undefined>): { width?: number } {
  if (!stdout.isTTY) return {};
  const fromEnv = Number(env.COLUMNS);
  const width = stdout.columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  return { width };
}

/**
 * `migralint | head`: once the reader has closed the pipe, further output has nowhere to go. That is
 * not a failure of the run: writes are dropped quietly and the run ends with its own exit code,
 * as grep and ESLint do. Without a listener Node would throw EPIPE from the next write (a stack
 * trace and exit 1).
 */
export function dropOutputAfterClosedPipe(...streams: Writable[]): void {
  for (const stream of streams) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
}
