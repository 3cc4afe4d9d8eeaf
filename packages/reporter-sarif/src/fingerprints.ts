// partialFingerprints: how GitHub code scanning recognises "the same alert" across runs. The hash is
// core's createFingerprinter (GitLab Code Quality uses the same one), keyed by the file's SARIF URI.

export { createFingerprinter } from '@migralint/core';

/** Versioned per SARIF convention: a change of algorithm gets a new key, not new values. */
export const FINGERPRINT_KEY = 'migralintFindingHash/v1';
