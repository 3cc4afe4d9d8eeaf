// The one error type for a user's configuration mistake. The CLI prints `error.message` and exits 2,
// so the message must stand on its own: one line per problem, each naming the file, the key path and
// what was expected. Never a stack trace for a typo.

export class ConfigError extends Error {
  /** Every problem found, one self-contained line each (the message is these lines joined). */
  readonly problems: readonly string[];
  /** The config file at fault, when there is one. */
  readonly filepath?: string;

  constructor(problems: string | readonly string[], options: { filepath?: string; cause?: unknown } = {}) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigError';
    this.problems = list;
    this.filepath = options.filepath;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
