// The one place the CLI calls the library's lint entry, in the main thread and in the workers alike:
// when core offers a single entry, this is the line that changes.
import { lint, type LintResult, type ResolvedConfig, type SourceInput, type VcsChanges } from '@migralint/core';
import { buildModel, sectionBreaks } from '@migralint/migrations';

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
  return lint({ files, config, cwd, buildModel, sectionBreaks, readAux, ...(vcs ? { vcs } : {}), ...(reportPaths ? { reportPaths } : {}), ...(onProgress ? { onProgress } : {}) });
}
