/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // TS151002 only says that tsconfig's node16 modules would like isolatedModules: noise in every run.
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false, ignoreCodes: [151002] } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Under jsdom, jest resolves the browser build of uuid (pulled in by exceljs), which is
  // ES modules; the CommonJS build works in every test environment.
  // TypeScript's node16 resolution wants `.js` on relative dynamic imports (the pane's
  // on-demand chunks); the file on disk is .ts.
  moduleNameMapper: { '^uuid$': require.resolve('uuid'), '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
};
