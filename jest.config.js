/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Under jsdom, jest resolves the browser build of uuid (pulled in by exceljs), which is
  // ES modules; the CommonJS build works in every test environment.
  // TypeScript's node16 resolution wants `.js` on relative dynamic imports (the pane's
  // on-demand chunks); the file on disk is .ts.
  moduleNameMapper: { '^uuid$': require.resolve('uuid'), '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
};
