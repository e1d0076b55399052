/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser), against the production
 * build served under a sub-path, as a static host would serve it.
 */
import { defineConfig } from '@playwright/test';
import { DIST, PORT, ROOT_PORT } from './tests/e2e/ports';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SUB_PATH = '/django-sessions/';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${SUB_PATH}`,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: [
    {
      command: `npx tsx scripts/build.ts --base=${SUB_PATH} --outDir ${DIST}/sub && npx vite preview --base ${SUB_PATH} --outDir ${DIST}/sub --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}${SUB_PATH}`,
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      command: `npx tsx scripts/build.ts --base=/ --outDir ${DIST}/root && npx vite preview --base / --outDir ${DIST}/root --host 127.0.0.1 --port ${ROOT_PORT} --strictPort`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      timeout: 180_000,
      reuseExistingServer: false,
    },
  ],
});
