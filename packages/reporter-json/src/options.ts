/** What every migralint reporter is told by the CLI. */
export interface ReporterOptions {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Also include each run problem's detail (a stack trace, with absolute paths). */
  verbose?: boolean;
  /** Ignored: JSON has no colour. */
  color?: boolean;
  /** List error findings only; the counts still describe the whole run. */
  quiet?: boolean;
}
