import { defineConfig } from 'vitest/config';

// Tests run the real ONNX model (and, for the CLI, child processes); allow for a busy 2-core machine.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
