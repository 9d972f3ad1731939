// Days and bucket labels must never depend on the machine's zone.
process.env.TZ = 'UTC';

const scaffold = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swc = scaffold.transform['^.+\\.(t|j)sx?$'];

/** The Grafana plugin: jsdom, React, the scaffold's settings. */
const plugin = {
  ...scaffold,
  displayName: 'plugin',
  rootDir: __dirname,
  transform: { ...scaffold.transform, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, '@react-hookz', '@ver0'])],
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/tests/plugin/**/*.test.{ts,tsx}'],
};

/** The backend: node, with a real InfluxDB started once for the whole run. */
const backend = {
  displayName: 'backend',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: [
    '<rootDir>/contract/**/*.test.ts',
    '<rootDir>/backend/**/*.test.ts',
    '<rootDir>/tests/backend/**/*.test.ts',
    '<rootDir>/tests/deploy/**/*.test.ts',
    '<rootDir>/scripts/**/*.test.ts',
    '<rootDir>/bench/**/*.test.ts',
  ],
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
};

/** The plugin's DataSource against the real backend and InfluxDB. */
const integration = {
  ...plugin,
  displayName: 'integration',
  testMatch: ['<rootDir>/tests/integration/**/*.test.{ts,tsx}'],
  globalSetup: backend.globalSetup,
  globalTeardown: backend.globalTeardown,
};

module.exports = {
  projects: [plugin, backend, integration],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
};
