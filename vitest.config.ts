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
    // Shown beside every test and failure, so a run's output says which database it was on.
    name: process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite',
    environment: 'node',
    // Migrates one SQLite file (or TEST_DATABASE_URL's database) and points DATABASE_URL at it.
    globalSetup: ['test/global-setup.ts'],
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.next/**', 'e2e/**'],
  },
});
