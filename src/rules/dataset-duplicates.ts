import { duplicateIndex } from "../datasets/duplicates.js";
import { recordIntroduced } from "../datasets/record-ids.js";
import { defineRule } from "./define-rule.js";
import { movement, percent, shareOption } from "./rule-helpers.js";

const options = { max_ratio: shareOption, near_threshold: shareOption };
const EXACT = "(the whole example, prompt and answer, after normalising case, whitespace and punctuation)";

export default defineRule({ id: "dataset-duplicates", options, needs: { duplicateThreshold: (o) => o.near_threshold } }, (input, options) =>
  input.datasets.flatMap((scan) => {
    const { dupOf, ratio } = duplicateIndex(scan.keys, options.near_threshold);
    if (ratio <= options.max_ratio) return [];
    const near = `(the whole example, prompt and answer, at ${percent(options.near_threshold, 1)} or more word overlap, not counting text that a large share of the file's records share)`;
    const base = scan.base ? duplicateIndex(scan.base.keys, options.near_threshold).ratio : null;
    const share = `${dupOf.size} of ${scan.keys.length} examples (${percent(dupOf.size, scan.keys.length)}, above ${percent(options.max_ratio, 1)})`;
    const moved = base === null ? "" : ` (duplicates ${movement(base, ratio)} on this change)`;
    // The change pushed the file over the limit: every pair counts; else only pairs with a new record.
    const crossed = base !== null && base <= options.max_ratio;
    return [...dupOf.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([i, d]) => {
        const line = scan.keys[i]!.line;
        const of = scan.keys[d.of]!.line;
        return {
          path: scan.path,
          line,
          endLine: line,
          message: `Line ${line} ${d.exact ? "repeats" : "nearly repeats"} line ${of} ${d.exact ? EXACT : near}; ${share} are duplicates${moved}.`,
          introduced: crossed || recordIntroduced(scan, line) || recordIntroduced(scan, of),
        };
      });
  }),
);
