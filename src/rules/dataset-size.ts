import { defineRule } from "./define-rule.js";
import { countOption } from "./rule-helpers.js";

const options = { min_examples: countOption(1) };

export default defineRule({ id: "dataset-size", options }, (input, options) =>
  input.datasets
    .filter((scan) => scan.role === "train" && scan.records < options.min_examples)
    .map((scan) => {
      const valid = scan.records;
      const base = scan.base?.validRecords;
      const was = base === undefined ? "" : ` (${base} on the base branch)`;
      return {
        path: scan.path,
        message: `${scan.path} has ${valid} valid training example${valid === 1 ? "" : "s"}${was}; the minimum is ${options.min_examples}.`,
        // Already too small at base and no smaller now: not this change's doing.
        ...(base !== undefined && { introduced: !(base < options.min_examples && valid >= base) }),
      };
    }),
);
