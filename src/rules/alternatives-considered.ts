import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { regexList } from "./rule-helpers.js";
import { proposalLocation, proposalText } from "./proposal-text.js";

const lexicon = z.strictObject({ terms: regexList });

export default defineRule({ id: "alternatives-considered", lexicon }, (input, _options, { terms }) => {
  if (!input.proposes) return [];
  if (terms.some((t) => t.test(proposalText(input)))) return [];
  const where = input.proposal.length ? "the PR description and proposal files" : "the pull request (it has no description or proposal file)";
  return [{ ...proposalLocation(input), message: `No alternative to fine-tuning (prompting, retrieval, tool use, adapters) is named in ${where}.` }];
});
