import type { DatasetScan } from "../types.js";
import { defineRule } from "./define-rule.js";
import { listSome } from "./rule-helpers.js";

/** A dataset's labels on the base branch: none for an added file, the head's for an unchanged one. */
function baseLabels(d: DatasetScan): string[] {
  if (d.change === "added" || d.change === undefined) return [];
  return Object.keys(d.change === "modified" && d.base ? d.base.labelCounts : d.labelCounts);
}

export default defineRule({ id: "eval-coverage" }, (input) => {
  const evalSets = input.datasets.filter((d) => d.role === "eval" && Object.keys(d.labelCounts).length > 0);
  if (!evalSets.length) return [];
  const tested = new Set(evalSets.flatMap((d) => Object.keys(d.labelCounts)));
  const testedAtBase = new Set(evalSets.flatMap(baseLabels));
  return input.datasets
    .filter((d) => d.role === "train")
    .flatMap((train) => {
      const missing = Object.keys(train.labelCounts).filter((l) => !tested.has(l)).sort();
      if (!missing.length) return [];
      // Labels the base's eval sets did not test either, in the base's training data: already untested.
      const trainedAtBase = new Set(baseLabels(train));
      const old = testedAtBase.size === 0 ? [] : missing.filter((l) => trainedAtBase.has(l) && !testedAtBase.has(l));
      const were = old.length ? ` (${old.length === missing.length ? "all" : old.length} of them already untested on the base branch)` : "";
      return [
        {
          path: evalSets[0]!.path,
          message: `${missing.length} label(s) in ${train.path} are never tested by ${evalSets.map((e) => e.path).join(", ")}: ${listSome(missing)}${were}.`,
          evidence: missing.map((l) => `${l}: ${train.labelCounts[l]} training examples (first at ${train.path}:${train.labelLines[l]})`),
          introduced: old.length < missing.length,
        },
      ];
    });
});
