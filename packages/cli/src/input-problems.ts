// Files of a run that could not be read: each said once on stderr as it is met (the file, the cause
// in words, the fix), the rest of the run goes on, and the run ends with exit 2: a file that was
// not linted must never pass as if it had been.
import { visibleLine } from '@migralint/reporter-terminal/visible-text';
import { INCOMPLETE } from './exit-code.js';
import { displayPath } from './gather-files.js';
import { InputError } from './input-error.js';
import type { CliIO } from './io.js';
import { readInput } from './read-input.js';
import type { InputProblem } from './walk-sql-files.js';

export class InputProblems {
  readonly #io: CliIO;
  readonly #prefix: string;
  #count = 0;

  constructor(io: CliIO, prefix = 'migralint') {
    this.#io = io;
    this.#prefix = prefix;
  }

  get count(): number {
    return this.#count;
  }

  add({ path, problem, directory }: InputProblem): void {
    this.#count++;
    this.#io.stderr.write(`${this.#prefix}: cannot read ${directory ? 'directory ' : ''}${visibleLine(displayPath(this.#io.cwd, path))}: ${visibleLine(problem)}\n`);
  }

  /** The file's bytes, or undefined (and the problem said) when it cannot be read. */
  read(abs: string): Uint8Array | undefined {
    const outcome = readInput(abs);
    if (outcome.problem !== undefined) this.add({ path: abs, problem: outcome.problem });
    return outcome.bytes;
  }

  /** The run's exit code and closing line, with the unreadable files counted in. */
  exitCode(run: { code: 0 | 1 | 2; reason?: string }): { code: 0 | 1 | 2; reason?: string } {
    if (this.#count === 0) return run;
    const files = `${this.#count} file${this.#count > 1 ? 's or folders' : ' or folder'} could not be read (see above)`;
    // One closing line: the engine's reasons (unreadable contents, internal errors), then these.
    const earlier = run.code === 2 && run.reason ? `${run.reason.replace(INCOMPLETE, '')}; ` : '';
    return { code: 2, reason: `${earlier}${files}${INCOMPLETE}` };
  }
}

/** For commands that need every file of a history (verify, plan, lock): the first unreadable one stops them. */
export function requireReadable(problems: readonly InputProblem[], cwd: string): void {
  const first = problems[0];
  if (first) throw new InputError(`cannot read ${first.directory ? 'directory ' : ''}${displayPath(cwd, first.path)}: ${first.problem}`);
}
