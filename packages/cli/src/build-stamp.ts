// Which build of the tool is running, for the caches' keys: a rebuilt CLI must not reuse the old
// one's results (the version stays the same in development). The build writes every bundle file
// anew, so the size and time of the file holding this code name the build.
import fs from 'node:fs';

export function buildStamp(): string {
  try {
    const stat = fs.statSync(new URL(import.meta.url));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}
