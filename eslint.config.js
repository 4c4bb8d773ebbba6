// @ts-check
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = './apps/console/src/features';
const features = fs.existsSync(FEATURES)
  ? fs
      .readdirSync(FEATURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      // The architecture's boundaries (CONVENTIONS.md): packages never import apps; ui never imports the contract;
      // a console feature never imports another feature (routes in src/app compose them).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './packages', from: './apps', message: 'Packages must not import apps.' },
            {
              target: './packages/ui',
              from: './packages/api-client',
              message: 'packages/ui is presentational only.',
            },
            {
              target: './apps/console',
              from: './apps/bff',
              message: 'The console talks to the BFF only through api-client.',
            },
            { target: './apps/bff', from: './apps/console', message: 'The BFF must not import the console.' },
            {
              target: FEATURES,
              from: './apps/console/src/app',
              message: 'Features must not import the app; routes compose features.',
            },
            ...features.map((f) => ({
              target: `${FEATURES}/${f}`,
              from: FEATURES,
              except: [`./${f}`],
              message: 'Features must not import other features; compose them in src/app.',
            })),
          ],
        },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
    },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Vite and Playwright configs are the one place a default export is the tool's contract.
    files: ['**/vite.config.ts', 'playwright.config.ts', '**/vitest.config.ts', 'vitest.workspace.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
