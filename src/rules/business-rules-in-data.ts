import { defineRule } from "./define-rule.js";
import { countOption, percent, shareOption } from "./rule-helpers.js";

const options = { max_share: shareOption, min_matches: countOption(1) };

export default defineRule({ id: "business-rules-in-data", options }, (input, options) =>
  input.datasets
    .filter((d) => d.role === "train" && d.targets > 0)
    .flatMap((scan) => {
      const hits = scan.businessRules;
      const total = scan.businessRuleTotal ?? hits.length;
      if (total < options.min_matches || total / scan.targets <= options.max_share) return [];
      const share = `${total} of ${scan.targets} targets (${percent(total, scan.targets)})`;
      return hits.map((h) => ({
        path: scan.path,
        line: h.line,
        endLine: h.line,
        message: `Line ${h.line}'s target states a rule or fixed fact ("${h.phrase}"); ${share} in ${scan.path} do.`,
      }));
    }),
);
