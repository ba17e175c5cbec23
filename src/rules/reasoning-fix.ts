import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { regexList } from "./rule-helpers.js";
import { findInProposal } from "./proposal-text.js";

const lexicon = z.strictObject({ phrases: regexList, negations: regexList });

export default defineRule({ id: "reasoning-fix", lexicon }, (input, _options, { phrases, negations }) => {
  const seen = new Set<string>();
  return findInProposal(input, phrases, negations)
    .filter((m) => {
      const key = `${m.path}:${m.line}:${m.sentence}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((m) => ({
      path: m.path,
      line: m.line,
      endLine: m.line,
      message: `The proposal expects fine-tuning to fix reasoning: "${m.sentence}".`,
    }));
});
