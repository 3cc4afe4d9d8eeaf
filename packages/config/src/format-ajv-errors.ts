// Turns ajv's error list into one readable line per problem. ajv reports a failed anyOf as every
// branch's error plus the anyOf itself; a user wants either the error deep inside the branch they
// clearly meant (["errror", {}] → [0] must be one of …) or one sentence naming the expected shape.

import type { ErrorObject } from 'ajv';
import { didYouMean } from './did-you-mean.js';
import { keyPathFromPointer, shortValue, typeName } from './key-path.js';

export interface FormatTarget {
  /** How the file is named in messages (relative to the cwd when inside it). */
  file: string;
  /** The whole validated value, to tell array indexes from object keys. */
  data: unknown;
  /** Key path of `data` inside the file, e.g. `rules["x"][1]` for rule options. */
  prefix?: string;
}

interface Entry {
  instancePath: string;
  text: string;
  /** For enum errors: the allowed values, so a failed union can still say "did you mean". */
  allowed?: unknown[];
}

export function formatAjvErrors(errors: readonly ErrorObject[], target: FormatTarget): string[] {
  const entries: Entry[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') entries.push(...collapseUnion(error, entries));
    else entries.push(describeError(error, target));
  }
  const lines = entries.map((entry) => {
    const keyPath = keyPathFromPointer(target.data, entry.instancePath, target.prefix ?? '');
    return keyPath === '' ? `${target.file}: ${entry.text}` : `${target.file}: ${keyPath}: ${entry.text}`;
  });
  return [...new Set(lines)];
}

/** Replaces the branch errors of a failed anyOf/oneOf (already in `entries`) with what the user needs. */
function collapseUnion(error: ErrorObject, entries: Entry[]): Entry[] {
  const at = error.instancePath;
  if (error.keyword === 'oneOf' && error.params.passingSchemas) {
    return [{ instancePath: at, text: `matches more than one allowed shape (got ${shortValue(error.data)})` }];
  }
  const branch: Entry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.instancePath === at || entry.instancePath.startsWith(`${at}/`)) {
      branch.unshift(entry);
      entries.splice(i, 1);
    }
  }
  // A branch that got past the top level (the value is an array, the mistake is inside it) is the
  // branch the user meant: report its errors.
  const deeper = branch.filter((entry) => entry.instancePath !== at);
  if (deeper.length > 0) return deeper;

  const expected =
    typeof error.parentSchema?.errorMessage === 'string' ? error.parentSchema.errorMessage : 'does not match any allowed shape';
  const allowed = branch.flatMap((entry) => entry.allowed ?? []).filter((value): value is string => typeof value === 'string');
  const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
  return [{ instancePath: at, text: `${expected} (got ${shortValue(error.data)})${hint}` }];
}

function describeError(error: ErrorObject, target: FormatTarget): Entry {
  const { params, data } = error;
  const entry = (text: string, extra: Partial<Entry> = {}): Entry => ({ instancePath: error.instancePath, text, ...extra });
  switch (error.keyword) {
    case 'type':
      return entry(`must be ${String(params.type).replace(/,/g, ' or ')} (got ${typeName(data)})`);
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const hint = typeof data === 'string' ? didYouMean(data, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return entry(`must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')} (got ${shortValue(data)})${hint}`, { allowed });
    }
    case 'const':
      return entry(`must be ${JSON.stringify(params.allowedValue)} (got ${shortValue(data)})`, { allowed: [params.allowedValue] });
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const where = error.instancePath === '' && !target.prefix ? 'unknown top-level key' : 'unknown key';
      const hint = didYouMean(key, known);
      const list = hint === '' && known.length > 0 ? `; allowed keys: ${known.join(', ')}` : '';
      return entry(`${where} "${key}"${hint}${list}`);
    }
    case 'required':
      return entry(`missing required key "${String(params.missingProperty)}"`);
    case 'minItems':
      return entry(`must have at least ${params.limit} item${params.limit === 1 ? '' : 's'} (got ${(data as unknown[]).length})`);
    case 'maxItems':
      return entry(`must have at most ${params.limit} item${params.limit === 1 ? '' : 's'} (got ${(data as unknown[]).length})`);
    case 'minLength':
      return entry(params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return entry(`must be ${params.comparison} ${params.limit} (got ${shortValue(data)})`);
    case 'pattern':
      return entry(`must match the pattern ${params.pattern} (got ${shortValue(data)})`);
    default:
      return entry(`${error.message ?? 'is invalid'} (got ${shortValue(data)})`);
  }
}
