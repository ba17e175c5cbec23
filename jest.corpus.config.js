/**
 * The corpus tier: the suites under test/corpus/, which read the real third-party corpus
 * (test/corpus/corpus-dir.ts says where it is looked for and how to point elsewhere).
 * @type {import('jest').Config}
 */
import base from "./jest.config.js";

export default {
  ...base,
  roots: ["<rootDir>/test/corpus"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/corpus/corpus-dir.ts",
};
