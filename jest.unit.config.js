/**
 * The unit tier (`npm run test:unit`): in-process suites only. A suite is out of process, and left
 * to `npm test`, when it lives under test/e2e/, test/reliability/, test/deploy/ or test/package/, or
 * is named `*.int.test.ts` (git repositories, servers, child processes); test/corpus/ is its own tier.
 * @type {import('jest').Config}
 */
import base from "./jest.config.js";

export default {
  ...base,
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, "<rootDir>/test/(e2e|reliability|deploy|package)/", "\\.int\\.test\\.ts$"],
};
