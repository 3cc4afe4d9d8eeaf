// The published JSON Schema of a config file, and what validation derives from it.
import { configSchema } from './config-schema.js';

export { configSchema };

/** The top-level keys the schema allows, for "did you mean" on a misspelt key. */
export const configKeys: readonly string[] = Object.keys(configSchema.properties as Record<string, unknown>);
