import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One Vitest run for the whole workspace: BFF unit and API tests (node), console and ui tests (jsdom).
 * API tests start the real server on port 0 against PGlite, or PostgreSQL when DATABASE_URL is set.
 */
export default defineConfig({
  test: {
    // API tests wait on sockets, timers and the database more than they compute: at least two files at a time
    // (Vitest's default is one fewer than the cores: one on a 2-core machine, which made the suite serial).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'bff',
          include: ['apps/bff/**/*.test.ts', 'packages/api-client/**/*.test.ts'],
          exclude: ['apps/bff/test/faults/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        // Fault tests kill and restart real processes and private service instances: one file at a time, after
        // the main suites (scripts/test.mjs), each test bounded.
        test: {
          name: 'faults',
          include: ['apps/bff/test/faults/*.fault.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        extends: './apps/console/vite.config.ts',
        test: {
          name: 'console',
          include: ['apps/console/**/*.test.{ts,tsx}', 'packages/ui/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
        // Resolved as the browser build resolves them: with Node's conditions react-router/dom and react-router load
        // different copies, and the hooks see no router.
        resolve: { conditions: ['module', 'browser', 'development'] },
      },
    ],
  },
});
