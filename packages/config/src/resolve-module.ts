// Resolves a plugin or shareable config the way Node would from the config file's directory, so the
// project's own node_modules is used (not migralint's). require.resolve covers paths, "main" and the
// "default"/"require" export conditions; packages that export only an "import" condition are
// resolved from their package.json "exports" with the conditions `import()` uses.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const importConditions = new Set(['node', 'import', 'module-sync', 'default']);

export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || path.isAbsolute(specifier);
}

/** The file `specifier` names, resolved from `fromDir`; undefined when there is none. */
export function resolveModule(specifier: string, fromDir: string): string | undefined {
  const require = createRequire(path.join(fromDir, '__migralint_resolve__.js'));
  if (isPathSpecifier(specifier)) {
    const absolute = path.resolve(fromDir, specifier);
    if (isFile(absolute)) return absolute;
  }
  try {
    return require.resolve(specifier);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' && !isPathSpecifier(specifier)) {
      return resolveImportExport(specifier, require.resolve.paths(specifier) ?? []);
    }
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || code === 'ERR_INVALID_PACKAGE_TARGET') {
      return undefined;
    }
    throw error;
  }
}

function resolveImportExport(specifier: string, lookupDirs: readonly string[]): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  for (const dir of lookupDirs) {
    const packageDir = path.join(dir, name);
    const manifest = path.join(packageDir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown };
    const target = exportTarget(exports, subpath);
    return target === undefined ? undefined : path.join(packageDir, target);
  }
  return undefined;
}

function exportTarget(exports: unknown, subpath: string): string | undefined {
  const bySubpath =
    exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'))
      ? (exports as Record<string, unknown>)
      : { '.': exports };
  return conditionalTarget(bySubpath[subpath]);
}

function conditionalTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const candidate of target) {
      const resolved = conditionalTarget(candidate);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (importConditions.has(condition)) {
        const resolved = conditionalTarget(value);
        if (resolved !== undefined) return resolved;
      }
    }
  }
  return undefined;
}

function isFile(filepath: string): boolean {
  try {
    return statSync(filepath).isFile();
  } catch {
    return false;
  }
}
