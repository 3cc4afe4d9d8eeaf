// ajv is the slowest import of a run (~30 ms) and is needed only when a config gives a rule options
// to check against the rule's schema (a config file's own shape is checked by a validator compiled
// ahead of time). Callers await loadAjv() once, then use the class synchronously.
import type { Ajv as AjvType } from 'ajv';

let AjvClass: typeof AjvType | undefined;

export async function loadAjv(): Promise<void> {
  // A CommonJS package: its module.exports is the default export, in Node and in the CLI bundle alike.
  AjvClass ??= (await import('ajv')).default.Ajv;
}

export function ajvClass(): typeof AjvType {
  if (!AjvClass) throw new Error('internal: loadAjv() must be awaited before validating a config');
  return AjvClass;
}
