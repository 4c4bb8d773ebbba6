import { defineConfig } from '@playwright/test';
import { E2E_INGEST_KEYS } from './e2e/fixtures/edge';

const PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * Journeys against the real built console and BFF (embedded mode, fresh in-memory database, the simulated
 * province) in Debian's Chromium. WebGL comes from SwiftShader so the map renders headless.
 */
export default defineConfig({
  testDir: './e2e/specs',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1600, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx apps/bff/src/main.ts',
    url: `${E2E_BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: 'memory://',
      DATABASE_URL: '',
      REDIS_URL: '',
      SIM_FAULTS: 'false',
      SIM_EVENTS_PER_MINUTE: '120',
      LOG_LEVEL: 'warn',
      // Journeys send AI events as an edge box does: through the signed webhook (e2e/fixtures/edge.ts).
      INGEST_KEYS: E2E_INGEST_KEYS,
      // Journeys sign the same seeded account in several times within one 30-second TOTP step.
      MFA_REJECT_REUSED_CODES: 'false',
      // Device readings every 5 s (a collapsed bitrate brings a camera's image check forward), a doubt re-checked
      // after 2 s, reconnects 2 s apart: a black picture is raised and healing tried within a journey's minute.
      DEVICE_HEALTH_INTERVAL_SECONDS: '5',
      DEVICE_QUALITY_CONFIRM_SECONDS: '2',
      DEVICE_HEAL_BACKOFF_SECONDS: '2',
    },
  },
});
