// ajv is the slowest import of a run (~30 ms) and is needed only when there is a config file to
// validate; a run on the built-in defaults never loads it. Callers await loadAjv() once, then use
// the class synchronously.
import type { Ajv as AjvType } from 'ajv';

let AjvClass: typeof AjvType | undefined;

export async function loadAjv(): Promise<void> {
  AjvClass ??= (await import('ajv')).Ajv;
}

export function ajvClass(): typeof AjvType {
  if (!AjvClass) throw new Error('internal: loadAjv() must be awaited before validating a config');
  return AjvClass;
}
