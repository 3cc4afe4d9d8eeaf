// Every .sql file below a directory, sorted: what the benchmarks lint.
import fs from 'node:fs';
import path from 'node:path';

export function sqlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.sql')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
