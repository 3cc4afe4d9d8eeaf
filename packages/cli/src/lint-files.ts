// The one place the CLI calls the library's lint entry (which always builds the migration model),
// in the main thread and in the workers alike.
import type { LintResult, ResolvedConfig, SourceInput, VcsChanges } from '@migralint/core';
import { lint } from '@migralint/migrations';

export interface LintFilesOptions {
  cwd: string;
  readAux: (file: string) => string | undefined;
  vcs?: VcsChanges;
  /** Report only these paths (the others are history for them). */
  reportPaths?: readonly string[];
  onProgress?: () => void;
}

export function lintFiles(files: SourceInput[], config: ResolvedConfig, options: LintFilesOptions): Promise<LintResult> {
  const { cwd, readAux, vcs, reportPaths, onProgress } = options;
  return lint({ files, config, cwd, readAux, ...(vcs ? { vcs } : {}), ...(reportPaths ? { reportPaths } : {}), ...(onProgress ? { onProgress } : {}) });
}
