// Checks a loaded config file against the published JSON Schema before anything reads it, so every
// later step can trust the shape. All problems are reported at once (allErrors): a user fixing a
// config wants the whole list, not one typo per run.

import type { ValidateFunction } from 'ajv';
import { ajvClass } from './load-ajv.js';
import type { MigralintConfig } from './config-file.js';
import { ConfigError } from './config-error.js';
import { formatAjvErrors } from './format-ajv-errors.js';
import { typeName } from './key-path.js';
import { configSchema } from './schema.js';

let validateShape: ValidateFunction | undefined;

function shapeValidator(): ValidateFunction {
  if (!validateShape) {
    // strictTuples off: [severity, options] is a tuple whose second item is optional on purpose.
    const Ajv = ajvClass();
    const ajv = new Ajv({ allErrors: true, verbose: true, strictTuples: false });
    // Editors (VS Code's JSON service) show `errorMessage`; we read it when an anyOf fails.
    ajv.addKeyword('errorMessage');
    validateShape = ajv.compile(configSchema);
  }
  return validateShape;
}

/** Throws a ConfigError listing every schema violation of `raw`, read from the file shown as `file`. */
export function validateConfigShape(raw: unknown, file: string, filepath?: string): MigralintConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${file}: the config must be an object (got ${typeName(raw)})`, { filepath });
  }
  const validate = shapeValidator();
  if (!validate(raw)) {
    throw new ConfigError(formatAjvErrors(validate.errors ?? [], { file, data: raw }), { filepath });
  }
  return raw as MigralintConfig;
}
