/** What every migralint reporter is told by the CLI. */
export interface ReporterOptions {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Also show a code frame, each rule's why, the finding's note and the docs URL. */
  verbose?: boolean;
  /** ANSI colours; only when explicitly true (the CLI decides from the TTY and NO_COLOR/FORCE_COLOR). */
  color?: boolean;
  /** Errors only: warnings and infos (and warning/note run problems) are not shown. */
  quiet?: boolean;
  /** Terminal width in columns: long messages wrap under their start. Undefined: no wrapping (a log, a pipe). */
  width?: number;
}
