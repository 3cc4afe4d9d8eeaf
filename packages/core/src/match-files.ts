// Config globs (`overrides[].files`, `ignores`) match paths relative to the config's directory,
// with POSIX separators, the way users write them in a config file.

import path from 'node:path';
import picomatch from 'picomatch';

const cache = new Map<string, (p: string) => boolean>();

export function toConfigRelative(root: string, filePath: string): string {
  return path.relative(root, path.resolve(root, filePath)).split(path.sep).join('/');
}

export function matchesFiles(root: string, patterns: readonly string[], filePath: string): boolean {
  const rel = toConfigRelative(root, filePath);
  return patterns.some((pattern) => {
    let matcher = cache.get(pattern);
    if (!matcher) {
      matcher = picomatch(pattern, { dot: true });
      cache.set(pattern, matcher);
    }
    // `dir/**` style patterns and plain directory names both mean "everything below".
    return matcher(rel) || rel.startsWith(pattern.replace(/\/+$/, '') + '/');
  });
}
