import { duplicateIndex } from "../datasets/duplicates.js";
import { recordIntroduced } from "../datasets/record-ids.js";
import type { RuleResult } from "../types.js";
import { defineRule } from "./define-rule.js";
import { movement, percent, shareOption } from "./rule-helpers.js";

const options = { max_ratio: shareOption, near_threshold: shareOption };
const EXACT = "(the whole example, prompt and answer, after normalising case, whitespace and punctuation)";

export default defineRule({ id: "dataset-duplicates", options, needs: { duplicateThreshold: (o) => o.near_threshold } }, (input, options) =>
  input.datasets.flatMap((scan) => {
    const dups = duplicateIndex(scan.keys, options.near_threshold);
    const { ratio } = dups;
    if (ratio <= options.max_ratio) return [];
    const near = `(the whole example, prompt and answer, at ${percent(options.near_threshold, 1)} or more word overlap, not counting text that a large share of the file's records share)`;
    const base = scan.base ? duplicateIndex(scan.base.keys, options.near_threshold).ratio : null;
    const share = `${dups.size} of ${scan.keys.length} examples (${percent(dups.size, scan.keys.length)}, above ${percent(options.max_ratio, 1)})`;
    const moved = base === null ? "" : ` (duplicates ${movement(base, ratio)} on this change)`;
    const exactTail = ` ${EXACT}; ${share} are duplicates${moved}.`;
    const nearTail = ` ${near}; ${share} are duplicates${moved}.`;
    // The change pushed the file over the limit: every pair counts; else only pairs with a new record.
    const crossed = base !== null && base <= options.max_ratio;
    const results = new Array<RuleResult>(dups.size);
    for (let k = 0; k < dups.size; k++) {
      const line = dups.line[k]!;
      const of = dups.ofLine[k]!;
      const exact = dups.exact[k] === 1;
      results[k] = {
        path: scan.path,
        line,
        endLine: line,
        message: `Line ${line} ${exact ? "repeats" : "nearly repeats"} line ${of}${exact ? exactTail : nearTail}`,
        introduced: crossed || recordIntroduced(scan, line) || recordIntroduced(scan, of),
      };
    }
    return results;
  }),
);
