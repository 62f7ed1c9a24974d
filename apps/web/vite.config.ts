import { createRequire } from 'node:module';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// In development the API runs on :3000; in production it serves dist/ itself.
const apiOrigin = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [vue()],
  // vue-i18n feature flags: Composition API only, no devtools, so the legacy API is left out of the bundle.
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/graphql': { target: apiOrigin, changeOrigin: false, ws: true },
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
    // One graphql instance in tests: graphql-ws (loaded by Node) takes the CommonJS build, Vite the ESM one.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    testTimeout: 20_000,
  },
});
