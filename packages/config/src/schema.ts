// The published JSON Schema of a config file. It lives in ../schema/ as plain JSON so editors can use
// it as "$schema"; read it with require() because it sits outside rootDir (src/ and dist/ are both one
// level below the package root, so the relative path holds for source and build alike).

import { createRequire } from 'node:module';
import type { JsonSchema } from '@migralint/core';

const require = createRequire(import.meta.url);

export const configSchema: JsonSchema = require('../schema/migralint.schema.json');

/** The top-level keys the schema allows, for "did you mean" on a misspelt key. */
export const configKeys: readonly string[] = Object.keys(configSchema.properties as Record<string, unknown>);
