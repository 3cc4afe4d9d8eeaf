// The .sql files under a directory, recursively, sorted: what the corpus scripts read.
import fs from 'node:fs';
import path from 'node:path';

export function listSqlFiles(dir) {
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.sql')) files.push(p);
    }
  })(dir);
  return files.sort();
}
