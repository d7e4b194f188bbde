import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // 'server-only' throws unless bundled for React Server Components; tests run server-side,
      // so they get the package's own empty module, as Next.js's server bundles do.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: 'node',
    // Migrates one SQLite file for the run and points DATABASE_URL at it.
    globalSetup: ['test/global-setup.ts'],
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.next/**', 'e2e/**'],
  },
});
