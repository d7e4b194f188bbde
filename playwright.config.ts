import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';
import { E2E } from './e2e/ports';

// Runs against the production build and the fake backends, all on loopback.
export default defineConfig({
  testDir: './e2e',
  // Two instances behind nginx: their own stack and config (scripts/test-multi-instance.mjs).
  testIgnore: 'multi-instance/**',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'npx tsx fake-backends/main.ts',
      env: {
        FAKE_OLLAMA_PORT: String(E2E.ports.ollama),
        FAKE_OPENAI_PORT: String(E2E.ports.openai),
        FAKE_DEEPSEEK_PORT: String(E2E.ports.deepseek),
      },
      url: `http://127.0.0.1:${E2E.ports.ollama}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node scripts/e2e-app.mjs',
      env: {
        PORT: String(E2E.ports.app),
        // Every spec but the accounts one acts as single-user mode's local user.
        VERSUS_AUTH: 'single-user',
        OLLAMA_BASE_URL: E2E.fakeUrl('ollama'),
        OPENAI_API_BASE_URL: `${E2E.fakeUrl('openai')}/v1`,
        DEEPSEEK_BASE_URL: E2E.fakeUrl('deepseek'),
        DEEPSEEK_API_KEY: 'sk-e2e',
        VERSUS_SECRET_KEY: 'e2e0'.repeat(16),
        // Short, so stall and keep-alive faults show within a test's time.
        VERSUS_FIRST_TOKEN_TIMEOUT_MS: '5000',
        VERSUS_IDLE_TIMEOUT_MS: '3000',
      },
      url: `${E2E.appUrl}/api/backends`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    {
      // The same build with accounts, on its own database, for e2e/accounts.spec.ts.
      command: 'node scripts/e2e-app.mjs',
      env: {
        PORT: String(E2E.ports.accountsApp),
        E2E_DATABASE: 'data/e2e-accounts.db',
        VERSUS_AUTH: 'accounts',
        OLLAMA_BASE_URL: E2E.fakeUrl('ollama'),
        OPENAI_API_BASE_URL: `${E2E.fakeUrl('openai')}/v1`,
        DEEPSEEK_BASE_URL: E2E.fakeUrl('deepseek'),
        DEEPSEEK_API_KEY: 'sk-e2e',
        VERSUS_SECRET_KEY: 'e2e0'.repeat(16),
      },
      url: `${E2E.accountsAppUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
