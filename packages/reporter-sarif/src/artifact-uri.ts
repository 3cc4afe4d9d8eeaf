// Where a file is, as GitHub code scanning wants it: a URI relative to %SRCROOT%, the repository root
// (the git work tree, or --sarif-root), whatever directory migralint ran in — so a run from
// `services/db` in a monorepo still names `services/db/migrations/…`. Percent-encoded like any URI.
// Only a file outside the root (which no code host could place) keeps an absolute file: URI.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReporterOptions } from '@migralint/core';
import type { SarifArtifactLocation } from './sarif-log.js';

export const SRCROOT = '%SRCROOT%';

/** The directory as an absolute file URI ending in `/`, as `originalUriBaseIds` requires. */
export function directoryUri(directory: string): string {
  const href = pathToFileURL(path.resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The root %SRCROOT% stands for: `options.root`, else the cwd. */
export function sourceRoot(options: Pick<ReporterOptions, 'cwd' | 'root'>): string {
  return path.resolve(options.cwd, options.root ?? '.');
}

export function artifactLocation(filePath: string, options: Pick<ReporterOptions, 'cwd' | 'root'>): SarifArtifactLocation {
  // pathToFileURL does the encoding (spaces, `#`, `%`, non-ASCII); the base's prefix is then cut off.
  const fileUri = pathToFileURL(path.resolve(options.cwd, filePath)).href;
  const base = directoryUri(sourceRoot(options));
  if (!fileUri.startsWith(base)) return { uri: fileUri };
  const relative = fileUri.slice(base.length);
  // A first segment with a colon would read as a URI scheme (`c:x.sql`); `./` keeps it a path.
  return { uri: /^[^/]*:/.test(relative) ? `./${relative}` : relative, uriBaseId: SRCROOT };
}
