import path from 'node:path';

/** A tool's `path` argument, resolved inside the project; anything outside it is refused. */
export function projectPath(cwd: string, given: string): string {
  const abs = path.resolve(cwd, given);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ToolInputError(`"${given}" is not a file inside the project (${cwd}); give the migration's path relative to the project root`);
  }
  if (!/\.sql$/i.test(abs)) throw new ToolInputError(`"${given}" is not a .sql migration file`);
  return rel.split(path.sep).join('/');
}

/** A mistake in a tool call's arguments: answered as a tool error the assistant can correct. */
export class ToolInputError extends Error {}
