import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      'dist-backend/',
      'dist-scripts/',
      'bench/results/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      // a link to contract/, linted there
      'backend/contract',
    ],
  },
  ...baseConfig,
  {
    // The scaffold lints src/ only; the backend, scripts, tests and benchmarks are TypeScript too.
    files: ['contract/**/*.ts', 'backend/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
  },
  {
    // The browser bundle shares types and rules with the server through contract/ only.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/backend', '**/backend/**'], message: 'src/ imports shared code from contract/.' }] },
      ],
    },
  },
  {
    // contract/ runs in the browser and in Node: pure data and functions, no server code.
    files: ['contract/**/*.ts'],
    ignores: ['contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...builtinModules], message: 'contract/ runs in the browser too: no Node modules.' },
            { group: ['**/backend', '**/backend/**'], message: 'contract/ must not depend on the backend.' },
          ],
        },
      ],
    },
  },
]);
