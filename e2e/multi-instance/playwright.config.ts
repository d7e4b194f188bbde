import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from '../chromium';
import { stack } from './stack';

// Two instances behind nginx (scripts/test-multi-instance.mjs starts them and runs this). The
// tests go through nginx as a scripted client with an API token, and one as a browser.
export default defineConfig({
  testDir: '.',
  globalSetup: './sign-up.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: stack().nginxUrl,
    launchOptions: chromiumLaunch,
  },
});
