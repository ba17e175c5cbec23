import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { proposalLocation } from "./proposal-text.js";
import { concept, findConcept, findSpans } from "../proposal/language.js";
import { negatedIn, readAll, titled } from "../proposal/proposal-reader.js";
import { hasContent } from "../proposal/read-proposal.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  techniques: words,
  not_technique: words,
  tried: words,
  negations: words,
  sections: words,
});

export default defineRule({ id: "alternatives-considered", lexicon }, (input, _options, lx) => {
  if (!input.proposes) return [];
  const techniques = concept(lx.techniques);
  const notTechnique = concept(lx.not_technique);
  const tried = concept(lx.tried);
  const negs = concept(lx.negations);
  const named = readAll(input).sentences.some((s) => {
    const fields = new Set(findConcept(s.stems, notTechnique));
    const tech = findConcept(s.stems, techniques).filter((i) => !fields.has(i) && !fields.has(i - 1) && !negatedIn(s, i, negs));
    if (!tech.length) return false;
    if (titled(s.section, lx.sections)) return hasContent(s.text.replace(/^[^:]*:/, ""));
    // "tool use" is a technique, not a use of one: a verb of trying inside a technique's name does not count.
    const spans = findSpans(s.stems, techniques);
    return findConcept(s.stems, tried).some((i) => !spans.some(([a, b]) => i >= a && i < b) && !negatedIn(s, i, negs));
  });
  if (named) return [];
  const where = input.proposal.length ? "the PR description and proposal files" : "the pull request (it has no description or proposal file)";
  return [{ ...proposalLocation(input), message: `No alternative to fine-tuning (prompting, retrieval, tool use, adapters) is named in ${where}.` }];
});
