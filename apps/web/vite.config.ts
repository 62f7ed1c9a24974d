import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// In development the API runs on :3000; in production it serves dist/ itself.
const apiOrigin = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/graphql': { target: apiOrigin, changeOrigin: false },
      '/healthz': apiOrigin,
      '/readyz': apiOrigin,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
  },
});
