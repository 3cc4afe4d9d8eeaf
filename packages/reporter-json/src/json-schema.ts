// The published JSON Schema of the report, for consumers that validate what they read.

import { readFileSync } from 'node:fs';

/** Where the schema file is, for tools that want the path (it is also exported as `./schema.json`). */
export const jsonSchemaUrl = new URL('../schema/migralint-report.schema.json', import.meta.url);

export const jsonSchema: Record<string, unknown> = JSON.parse(readFileSync(jsonSchemaUrl, 'utf8'));
