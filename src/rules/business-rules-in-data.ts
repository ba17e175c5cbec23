import { z } from "zod";
import { regexSource } from "../regex-source.js";
import { defineRule } from "./define-rule.js";
import { countOption, percent, shareOption } from "./rule-helpers.js";

const options = { max_share: shareOption, min_matches: countOption(1) };
/** Phrases (regex sources, matched case-insensitively) the dataset scan looks for in every target on this rule's behalf. */
const lexicon = z.strictObject({ phrases: z.array(regexSource) });

export default defineRule({ id: "business-rules-in-data", options, lexicon, needs: { scanLexicon: (lx) => ({ businessRules: lx.phrases }) } }, (input, options) =>
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
