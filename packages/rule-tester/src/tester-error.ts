// A failed rule test. `actual`/`expected`, when set, make vitest print a diff.

export class TesterError extends Error {
  override name = 'RuleTesterError';
  readonly actual?: unknown;
  readonly expected?: unknown;
  readonly showDiff: boolean;

  constructor(message: string, diff?: { actual: unknown; expected: unknown }) {
    super(message);
    if (diff) {
      this.actual = diff.actual;
      this.expected = diff.expected;
    }
    this.showDiff = diff !== undefined;
  }
}
