// Checks a loaded config file against the published JSON Schema before anything reads it, so every
// later step can trust the shape. All problems are reported at once (allErrors): a user fixing a
// config wants the whole list, not one typo per run.

import type { ValidateFunction } from 'ajv';
import type { MigralintConfig } from './config-file.js';
import { ConfigError } from './config-error.js';
import { validate } from './config-shape-validator.js';
import { formatAjvErrors } from './format-ajv-errors.js';
import { typeName } from './key-path.js';

// The schema (config-schema.ts) compiled ahead of time by ajv, with allErrors and verbose errors
// (scripts/write-config-validator.mjs): compiling it here cost ~70 ms of every run with a config.
const validateShape = validate as ValidateFunction;

/** Throws a ConfigError listing every schema violation of `raw`, read from the file shown as `file`. */
export function validateConfigShape(raw: unknown, file: string, filepath?: string): MigralintConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${file}: the config must be an object (got ${typeName(raw)})`, { filepath });
  }
  if (!validateShape(raw)) {
    throw new ConfigError(formatAjvErrors(validateShape.errors ?? [], { file, data: raw }), { filepath });
  }
  return raw as MigralintConfig;
}
