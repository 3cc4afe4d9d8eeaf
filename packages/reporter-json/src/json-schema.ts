// The published JSON Schema of the report (also shipped as the package export `./schema.json`).
export { jsonSchema } from './report-schema.js';
