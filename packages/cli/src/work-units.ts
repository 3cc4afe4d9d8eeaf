// The unit of work for workers and for the result cache: one migration history (the files of one
// migration root under one config). Histories do not see each other, so each can be linted alone,
// on any thread, and its result cached by its own content.
import path from 'node:path';
import type { ResolvedConfig, SourceInput } from '@migralint/core';
import { forwardFolderOf, migrationRootOf } from '@migralint/migrations';
import { sizeOf } from './unchanged-file.js';

export interface WorkUnit {
  config: ResolvedConfig;
  /** A directory whose config is this unit's (workers load the config again from it). */
  configDir: string;
  files: SourceInput[];
  /** The unit's files that are reported; undefined: all of them. */
  reportPaths?: string[];
  bytes: number;
}

/**
 * Groups (config → files) into histories, in the groups' order and first-file order. A history
 * holding none of `reportPaths` is still linted: its rules and statistics are part of the report.
 */
export function splitIntoUnits(groups: Map<ResolvedConfig, SourceInput[]>, cwd: string, reportPaths: readonly string[] | undefined): WorkUnit[] {
  const reported = reportPaths ? new Set(reportPaths.map((p) => path.resolve(cwd, p))) : undefined;
  const units: WorkUnit[] = [];
  // The root depends on the file's directory only: found once per directory.
  const roots = new Map<string, string>();
  for (const [config, files] of groups) {
    const byRoot = new Map<string, WorkUnit>();
    for (const file of files) {
      const abs = path.resolve(cwd, file.path);
      const dir = path.dirname(abs);
      let root = roots.get(dir);
      if (root === undefined) roots.set(dir, (root = migrationRootOf(abs)));
      let unit = byRoot.get(root);
      if (!unit) byRoot.set(root, (unit = { config, configDir: path.dirname(abs), files: [], bytes: 0, ...(reported ? { reportPaths: [] } : {}) }));
      unit.files.push(file);
      unit.bytes += sizeOf(file);
      if (reported?.has(abs)) unit.reportPaths!.push(file.path);
    }
    // A rollback folder beside its forward one (openreplay's rollback_dbs/ and init_dbs/) may hold
    // that history's downs: the model reads them together.
    for (const [root, unit] of byRoot) {
      const forward = forwardFolderOf(root, byRoot.keys());
      if (!forward) continue;
      const target = byRoot.get(forward)!;
      target.files.push(...unit.files);
      target.bytes += unit.bytes;
      if (unit.reportPaths) target.reportPaths!.push(...unit.reportPaths);
      byRoot.delete(root);
    }
    units.push(...byRoot.values());
  }
  return units;
}
