// Reports show paths relative to where the user ran migralint, with `/` on every OS so the same
// finding reads the same in a Windows terminal, a CI log and a snapshot.

import path from 'node:path';

export function toReportPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  return (relative === '' ? filePath : relative).split(path.sep).join('/');
}
