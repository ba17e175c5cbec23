import { defineRule } from "./define-rule.js";

export default defineRule({ id: "eval-suite" }, (input) => {
  const repoHasEval =
    input.artifacts.some((a) => (a.kind === "eval-suite" || a.kind === "eval-dataset") && a.status !== "removed") ||
    input.evalFiles.length > 0;
  if (repoHasEval) return [];
  return input.artifacts
    .filter((a) => a.kind === "training-config" && a.status !== "removed" && a.config && !a.config.infrastructure && !a.config.registry && !a.config.referencesEval)
    .map((a) => ({
      path: a.path,
      message: `${a.path} references no eval set or validation split, and the repository has no eval suite or eval dataset.`,
    }));
});
