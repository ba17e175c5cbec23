import { defineRule } from "./define-rule.js";

export default defineRule<{ min_examples: number }>({ id: "dataset-size" }, (input, options) =>
  input.datasets
    .filter((scan) => scan.role === "train" && scan.records < options.min_examples)
    .map((scan) => {
      const valid = scan.records;
      return {
        path: scan.path,
        message: `${scan.path} has ${valid} valid training example${valid === 1 ? "" : "s"}; the minimum is ${options.min_examples}.`,
      };
    }),
);
