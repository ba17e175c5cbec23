import { crossMatches } from "../datasets/minhash.js";
import { recordIntroduced } from "../datasets/record-ids.js";
import { defineRule } from "./define-rule.js";
import { countOption, shareOption } from "./rule-helpers.js";

/** `max_findings` is applied by the engine (see `runRules`). */
const options = { near_threshold: shareOption, max_findings: countOption(1) };

export default defineRule({ id: "eval-leakage", options }, (input, options) => {
  const train = input.datasets.filter((d) => d.role === "train");
  const fromData = input.datasets
    .filter((d) => d.role === "eval")
    .flatMap((evalSet) =>
      train.flatMap((t) =>
        crossMatches(t.keys, evalSet.keys, options.near_threshold).map((m) => ({
          path: evalSet.path,
          line: m.evalLine,
          endLine: m.evalLine,
          message: `Eval line ${m.evalLine} ${m.exact ? "also appears" : "nearly appears"} in the training data at ${t.path}:${m.trainLine}${m.exact ? "" : " (near-duplicate after normalising)"}.`,
          // New when either side of the pair is: a new training record can leak an old eval one.
          introduced: recordIntroduced(evalSet, m.evalLine) || recordIntroduced(t, m.trainLine),
        })),
      ),
    );
  const fromConfigs = input.artifacts
    .filter((a) => a.config?.evalSplitsInTraining?.length && a.status !== "removed")
    .flatMap((a) =>
      a.config!.evalSplitsInTraining!.map((s) => ({
        path: a.path,
        line: s.line,
        endLine: s.line,
        message: `${a.path} trains on the held-out split "${s.split}" of ${s.dataset}: the model will be evaluated on data it saw.`,
      })),
    );
  return [...fromConfigs, ...fromData];
});
