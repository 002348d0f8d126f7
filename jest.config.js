/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // matrix-js-sdk ships ES modules only (see tests/support/esmToCjs.js).
    '/node_modules/matrix-js-sdk/.+\\.js$': '<rootDir>/tests/support/esmToCjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!matrix-js-sdk/)'],
  testTimeout: 30000,
};
