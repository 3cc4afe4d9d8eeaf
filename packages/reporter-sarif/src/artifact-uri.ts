// Where a file is, as GitHub code scanning wants it: a URI relative to %SRCROOT% (the directory
// migralint ran in, normally the repository root), percent-encoded like any URI. A file outside that
// directory gets an absolute file: URI instead of a `../` reference GitHub could not place.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SarifArtifactLocation } from './sarif-log.js';

export const SRCROOT = '%SRCROOT%';

/** The directory as an absolute file URI ending in `/`, as `originalUriBaseIds` requires. */
export function directoryUri(directory: string): string {
  const href = pathToFileURL(path.resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function artifactLocation(filePath: string, cwd: string): SarifArtifactLocation {
  // pathToFileURL does the encoding (spaces, `#`, `%`, non-ASCII); the base's prefix is then cut off.
  const fileUri = pathToFileURL(path.resolve(cwd, filePath)).href;
  const base = directoryUri(cwd);
  if (!fileUri.startsWith(base)) return { uri: fileUri };
  const relative = fileUri.slice(base.length);
  // A first segment with a colon would read as a URI scheme (`c:x.sql`); `./` keeps it a path.
  return { uri: /^[^/]*:/.test(relative) ? `./${relative}` : relative, uriBaseId: SRCROOT };
}
