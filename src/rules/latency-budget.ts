import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { proposalLocation } from "./proposal-text.js";
import { concept, findConcept, hasQuantity } from "../proposal/language.js";
import { negatedIn, readAll, titled } from "../proposal/proposal-reader.js";
import { hasContent } from "../proposal/read-proposal.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  budget_anchors: words,
  not_budget: words,
  budget_sections: words,
  cadence_verbs: words,
  frequencies: words,
  cadence_sections: words,
  cadence_events: words,
  negations: words,
});

/** Words that make the event after them a trigger ("each timetable change"). */
const EVENT_LEAD = new Set(["each", "every", "after", "with", "on"]);
const PRICE_PER = /[$£€]\s?\d[\d.,]*\s?[km]?\s?(?:per|a|an|each|\/)\s?[a-z]/i;

export default defineRule({ id: "latency-budget", lexicon, needs: { englishModel: true } }, (input, _options, lx) => {
  if (!input.proposes) return [];
  const anchors = concept(lx.budget_anchors);
  const notBudget = concept(lx.not_budget);
  const verbs = concept(lx.cadence_verbs);
  const freq = concept(lx.frequencies);
  const events = concept(lx.cadence_events);
  const negs = concept(lx.negations);
  const { sentences } = readAll(input);
  let budget = false;
  let cadence = false;
  for (const s of sentences) {
    if (!budget) {
      const inSection = titled(s.section, lx.budget_sections);
      const at = findConcept(s.stems, anchors).filter((i) => !negatedIn(s, i, negs));
      const incidental = findConcept(s.stems, notBudget).length > 0 && at.length <= 1;
      if ((at.length && !incidental) || inSection) budget = hasQuantity(s.text, s.stems) && hasContent(s.text.replace(/^[^:]*:/, ""));
      // A price per unit of work ("$0.001 per statement", "£0.02 a response") is a cost budget without an anchor.
      if (!budget && PRICE_PER.test(s.text) && !findConcept(s.stems, negs).length) budget = true;
    }
    if (!cadence) {
      const inSection = titled(s.section, lx.cadence_sections);
      const verb = findConcept(s.stems, verbs).some((i) => !negatedIn(s, i, negs));
      const f = findConcept(s.stems, freq).some((i) => !negatedIn(s, i, negs)) || findConcept(s.stems, events).some((i) => !negatedIn(s, i, negs) && s.stems.slice(Math.max(0, i - 3), i).some((w) => EVENT_LEAD.has(w)));
      cadence = f && (verb || inSection);
    }
    if (budget && cadence) return [];
  }
  const missing = [budget ? "" : "latency or cost budget", cadence ? "" : "retraining cadence"].filter(Boolean);
  return [{ ...proposalLocation(input), message: `The proposal states no ${missing.join(" and no ")}.` }];
});
