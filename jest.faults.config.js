/**
 * Fault-injection tests: real processes on the suite's own Kafka broker, search node and database
 * (started by test/faults/support/global-setup.ts), which they kill, restart and cut off.
 */
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
  globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
  testTimeout: 360000,
  maxWorkers: 1,
  // Each file owns the stack while it runs; a fixed order keeps the run readable and its timing stable.
  testSequencer: '<rootDir>/test/faults/support/sequencer.js',
};
