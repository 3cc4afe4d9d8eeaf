// Write a report file the user asked for (`--format sarif=out.sarif`): whole or not at all, so a
// CI step never uploads half a SARIF file.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // Keep the file's permissions when replacing it (a fixed migration stays as it was, but fixed).
  const mode = fs.existsSync(file) ? fs.statSync(file).mode : undefined;
  fs.writeFileSync(tmp, content, mode === undefined ? undefined : { mode });
  fs.renameSync(tmp, file);
}
