import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { regexList } from "./rule-helpers.js";
import { proposalLocation, proposalText } from "./proposal-text.js";

const lexicon = z.strictObject({ budget: regexList, cadence: regexList });

export default defineRule({ id: "latency-budget", lexicon }, (input, _options, { budget, cadence }) => {
  if (!input.proposes) return [];
  const text = proposalText(input);
  const missing = [
    budget.some((p) => p.test(text)) ? "" : "latency or cost budget",
    cadence.some((p) => p.test(text)) ? "" : "retraining cadence",
  ].filter(Boolean);
  if (!missing.length) return [];
  return [{ ...proposalLocation(input), message: `The proposal states no ${missing.join(" and no ")}.` }];
});
