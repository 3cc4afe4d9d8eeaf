// `--fix`: write the rules' mechanical fixes back to the files, atomically, touching only the fixed
// ranges. The engine's offsets are into the text without a BOM, so a BOM is put back as it was.
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, type LintResult } from '@migralint/core';
import { writeFileAtomic } from './write-output.js';

const BOM = '\uFEFF';

/** Applies every unsuppressed fix of the reported files; returns the files it changed. */
export function applyFileFixes(result: LintResult, cwd: string): string[] {
  const changed: string[] = [];
  for (const file of result.files) {
    const fixes = file.messages.filter((m) => !m.suppressed && m.fix).flatMap((m) => m.fix!);
    if (fixes.length === 0) continue;
    const abs = path.resolve(cwd, file.path);
    const original = fs.readFileSync(abs, 'utf8');
    const hadBom = original.startsWith(BOM);
    const text = hadBom ? original.slice(1) : original;
    // The file changed on disk since it was read: do not write over someone's edit.
    if (text !== file.file.value) continue;
    const fixed = applyFixes(text, fixes);
    if (fixed.applied === 0) continue;
    writeFileAtomic(abs, (hadBom ? BOM : '') + fixed.text);
    changed.push(file.path);
  }
  return changed;
}
