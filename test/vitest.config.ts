import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Paths below are relative to the repository root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Builds out/renderer once per run when it is missing or stale (only for runs that include
    // the browser tests); see test/support/build-renderer.ts.
    globalSetup: ['test/support/build-renderer.ts'],
  },
});
