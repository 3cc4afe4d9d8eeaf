import { defineConfig } from 'vitest/config';

// Tests import workspace packages by name; the "@migralint/source" export condition points them at
// src/*.ts so unit tests never run against a stale dist/. CLI end-to-end tests spawn the built bin.
export default defineConfig({
  resolve: { conditions: ['@migralint/source'] },
  ssr: { resolve: { conditions: ['@migralint/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/*/test/**/*.test.ts', 'fixtures/org-rule-pack/test/**/*.test.js', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
