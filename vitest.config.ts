import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/unpack-chromium.ts'],
    // Integration and end-to-end tests start in-process emulators and stream real files.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default (cores - 1) runs one file at a time on two cores, where most files wait on
    // emulators, a browser or child processes: two at a time use the machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No test asks the public company-search API: those that test lookups point them at a local server.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', COMPANY_LOOKUP: 'off' },
  },
});
