// lint()'s `readAux` (layout files such as sqitch.plan or drizzle's journal, the lockfile) with a
// record of what was read: a cached result depends on those files as much as on the SQL.
import { auxReader } from './gather-files.js';

/** Each file read, with its content or null when it was absent. */
export type AuxReads = Array<[file: string, content: string | null]>;

export function recordingAuxReader(cwd: string): { read: (file: string) => string | undefined; reads: () => AuxReads } {
  const read = auxReader(cwd);
  const seen = new Map<string, string | null>();
  return {
    read: (file) => {
      const content = read(file);
      seen.set(file, content ?? null);
      return content;
    },
    reads: () => [...seen],
  };
}
