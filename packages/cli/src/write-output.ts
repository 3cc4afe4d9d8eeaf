// Writing a file the user asked for: a report (`--format sarif=out.sarif`) or a fixed migration
// (`--fix`). Whole or not at all, so a CI step never uploads half a SARIF file and a fix never
// leaves half a migration; never over one of the run's inputs; failures said as what they are.
import fs from 'node:fs';
import path from 'node:path';
import { searchPlaces } from '@migralint/config';
import { causeOf, InputError } from './input-error.js';
import { UsageError, type FormatRequest } from './parse-args.js';

/** Files a report must never replace, wherever they are: configs and migralint's own state. */
const PROTECTED_NAMES = new Set([...searchPlaces, '.migralintignore', 'migralint.lock']);

/**
 * Before anything is linted: no report may go to a directory, a config file, or a file the run
 * reads (through any link). `inputs` are the run's files (absolute paths).
 */
export function checkReportTargets(formats: readonly FormatRequest[], cwd: string, inputs: Iterable<string>): void {
  const targets = formats.filter((format) => format.file !== undefined);
  if (targets.length === 0) return;
  const real = new Set<string>();
  for (const input of inputs) real.add(realPath(input));
  for (const { name, file } of targets) {
    const abs = path.resolve(cwd, file!);
    const stat = statOrUndefined(abs);
    if (stat?.isDirectory() || file!.endsWith('/')) {
      throw new UsageError(`--format ${name}=${file}: ${file} is a directory; name the report file inside it (e.g. ${path.join(file!, `migralint.${name === 'terminal' ? 'txt' : name}`)})`);
    }
    if (PROTECTED_NAMES.has(path.basename(abs))) {
      throw new UsageError(`--format ${name}=${file}: ${file} is a config or state file migralint reads; write the report to another file`);
    }
    if (real.has(realPath(abs))) {
      throw new UsageError(`--format ${name}=${file}: ${file} is one of the files being linted; write the report to another file`);
    }
  }
}

export function writeFileAtomic(file: string, content: string): void {
  // Through a symlink to the file it points at: replacing the link would leave the target as it was.
  const target = resolveLinks(file);
  const stat = statOrUndefined(target);
  if (stat?.isDirectory()) throw new InputError(`cannot write ${file}: it is a directory; name a file`);
  if (stat && !stat.isFile()) {
    // A device or a pipe (/dev/stdout, a process substitution): written in place, never renamed over.
    try {
      fs.writeFileSync(target, content);
    } catch (error) {
      throw new InputError(`cannot write ${file}: ${causeOf(error)}`);
    }
    return;
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    throw new InputError(`cannot write ${file}: cannot create its directory ${path.dirname(file)}: ${causeOf(error)}`);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    // Keep the file's permissions when replacing it (a fixed migration stays as it was, but fixed).
    fs.writeFileSync(tmp, content, stat ? { mode: stat.mode } : undefined);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${file}: ${causeOf(error)}`);
  }
}

function resolveLinks(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`cannot write ${file}: ${causeOf(error)}`);
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new InputError(`cannot write ${file}: it is a symbolic link to ${fs.readlinkSync(file)}, which does not exist; fix or remove the link`);
    }
    return path.resolve(file);
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
