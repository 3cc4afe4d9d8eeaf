/** What every migralint reporter is told by the CLI. */
export interface ReporterOptions {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Also put each run problem's detail (a stack trace) in its notification's properties. */
  verbose?: boolean;
  /** Ignored: SARIF has no colour. */
  color?: boolean;
  /** Only error-level results are written (run problems are always kept). */
  quiet?: boolean;
}
