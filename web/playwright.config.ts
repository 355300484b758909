import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys (`npm run test:browser` at the root, which builds web/ and the API first): Debian's Chromium
 * (never Playwright's own download) against the real API, started by test/support/serveur-navigateur.ts on a fresh
 * migrated SQLite database with the demo data, mails written under var/browser/mail, CAS through the tests' server.
 * Screenshots of every page: var/browser/pages/.
 */
export const PORT = Number(process.env.PORT_NAVIGATEUR ?? 3917);
const racine = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${racine}var/browser/resultats`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npx ts-node --transpile-only test/support/serveur-navigateur.ts',
    cwd: racine,
    url: `http://127.0.0.1:${PORT}/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(PORT) },
  },
});
