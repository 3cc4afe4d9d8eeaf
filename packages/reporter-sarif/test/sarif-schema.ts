// Validation against the OASIS SARIF 2.1.0 schema (draft-04), with real checks for the URI formats
// the schema uses, so a malformed artifact URI fails the test instead of passing unchecked.

import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';

// A CommonJS module: under NodeNext its class is the default import's `default` (also true at run time).
const Ajv04 = ajvDraft04.default;
const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

// The official schema states `required` inside anyOf branches without repeating `properties` there,
// which ajv's strictRequired rejects; every other strict check stays on.
const ajv = new Ajv04({ strict: true, strictRequired: false, allErrors: true });
ajv.addFormat('uri', (value: string) => URL.canParse(value) && !/\s/.test(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/') && !/[\s\\]/.test(value));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));

export const validateSarif = ajv.compile(schema);

export function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
