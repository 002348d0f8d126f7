/** @type {import('jest').Config} */
const unit = require('./jest.config.js');

// The end-to-end tests load the whole server (its Tchap door imports matrix-js-sdk): the same
// transforms as the unit tests, one browser at a time, longer timeouts.
module.exports = {
  ...unit,
  roots: ['<rootDir>/tests/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 240000,
  maxWorkers: 1,
};
