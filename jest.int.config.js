/** Integration and end-to-end tests against the real Kafka, search engine and PostgreSQL. */
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'integration',
  testMatch: [
    '<rootDir>/apps/**/*.int-spec.ts',
    '<rootDir>/libs/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
  ],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
