// Which build of the tool is running, for the caches' keys: a rebuilt CLI must not reuse the old
// one's results (the version stays the same in development). Every build writes the command's
// bundle file, main.js, anew, and every module that asks sits beside it (the npm package's chunks;
// the standalone's small entry, which replays warm runs, and its main.js, which records them), so
// the size and time of main.js name the build for all of them alike.
import fs from 'node:fs';

export function buildStamp(): string {
  for (const file of [new URL('./main.js', import.meta.url), new URL(import.meta.url)]) {
    try {
      const stat = fs.statSync(file);
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      // Not there: the next candidate.
    }
  }
  return '';
}
