// lint()'s `readAux` (layout files such as sqitch.plan or drizzle's journal, the lockfile) with a
// record of what was read: a cached result depends on those files as much as on the SQL.
import { createHash } from 'node:crypto';
import { auxReader } from './gather-files.js';

/** A content hash, or null for a file that was absent. */
export const contentHash = (content: string | Uint8Array | undefined): string | null =>
  content === undefined ? null : createHash('sha256').update(content).digest('base64url');

export function recordingAuxReader(cwd: string): { read: (file: string) => string | undefined; reads: () => Array<[string, string | null]> } {
  const read = auxReader(cwd);
  const seen = new Map<string, string | null>();
  return {
    read: (file) => {
      const content = read(file);
      seen.set(file, contentHash(content));
      return content;
    },
    reads: () => [...seen],
  };
}
