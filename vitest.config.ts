import { defineConfig } from 'vitest/config';

// Tests import workspace packages by name; the "@migralint/source" export condition points them at
// src/*.ts so unit tests never run against a stale dist/. CLI end-to-end tests spawn the built bin.
//
// Two projects:
// - `unit` (the README's `pnpm test`): everything that runs in seconds to a couple of minutes.
// - `e2e` (`pnpm test:e2e`, run by CI after `unit`): heavy end-to-end tests — installing packed
//   tarballs, real editors, real servers, long corpus runs. They are named `*.e2e.test.ts`.
const resolve = { conditions: ['@migralint/source'] };
const unitInclude = [
  'packages/*/test/**/*.test.ts',
  'rules/*/test/**/*.test.ts',
  'fixtures/org-rule-pack/test/**/*.test.js',
  'test/**/*.test.ts',
];
const e2eInclude = ['packages/*/test/**/*.e2e.test.ts', 'rules/*/test/**/*.e2e.test.ts', 'test/**/*.e2e.test.ts'];

export default defineConfig({
  resolve,
  ssr: { resolve },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitInclude, exclude: ['**/node_modules/**', '**/*.e2e.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: e2eInclude, exclude: ['**/node_modules/**'], testTimeout: 300_000, hookTimeout: 600_000 },
      },
    ],
  },
});
