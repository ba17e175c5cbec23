import { defineRule } from "./define-rule.js";
import { listSome } from "./rule-helpers.js";

export default defineRule({ id: "eval-coverage" }, (input) => {
  const evalSets = input.datasets.filter((d) => d.role === "eval" && Object.keys(d.labelCounts).length > 0);
  if (!evalSets.length) return [];
  const tested = new Set(evalSets.flatMap((d) => Object.keys(d.labelCounts)));
  return input.datasets
    .filter((d) => d.role === "train")
    .flatMap((train) => {
      const missing = Object.keys(train.labelCounts).filter((l) => !tested.has(l)).sort();
      if (!missing.length) return [];
      return [
        {
          path: evalSets[0]!.path,
          message: `${missing.length} label(s) in ${train.path} are never tested by ${evalSets.map((e) => e.path).join(", ")}: ${listSome(missing)}.`,
          evidence: missing.map((l) => `${l}: ${train.labelCounts[l]} training examples (first at ${train.path}:${train.labelLines[l]})`),
        },
      ];
    });
});
