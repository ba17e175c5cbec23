/**
 * The default tier: every suite under test/ except test/corpus/, which needs the third-party corpus
 * and runs as its own tier (jest.corpus.config.js, `npm run test:corpus`).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/corpus/"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.tsx?$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.test.json", diagnostics: false }] },
  testTimeout: 60000,
};
