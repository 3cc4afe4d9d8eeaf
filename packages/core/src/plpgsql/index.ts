// PL/pgSQL bodies (`DO`, `CREATE FUNCTION/PROCEDURE … LANGUAGE plpgsql`): the SQL they run, parsed,
// with positions in the file. Design notes and the proposal for rules and replay: docs/plpgsql.md.
export { extractPlpgsql } from './extract.js';
export type * from './types.js';
