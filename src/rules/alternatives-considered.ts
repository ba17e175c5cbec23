import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { proposalLocation } from "./proposal-text.js";
import { concept, findConcept, findSpans, hasResult, hasTimeOrMoney } from "../proposal/language.js";
import { negatedIn, readAll, titled } from "../proposal/proposal-reader.js";
import { hasContent, stemPhrase } from "../proposal/read-proposal.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  techniques: words,
  not_technique: words,
  components: words,
  not_component: words,
  tried: words,
  measured: words,
  negations: words,
  expectations: words,
  comparisons: words,
  sections: words,
  ruled_out: words,
  reasons: words,
  fine_tune: words,
  measured_passive: words,
  failed_outcomes: words,
});

/** A section line that only points elsewhere ("see the design doc", "as discussed"). */
const POINTER = /^\s*[*_]*\s*(?:see|as discussed|as above|refer to)\b/i;

/** A label that opens a sentence ("Alternatives: template letters ..."), as template fields run together on one line. */
const INLINE_LABEL = /^([A-Za-z][A-Za-z /&'-]{1,40}):\s+\S/;

/** Contractions that look like a possessive ("it's", "let's"). */
const CONTRACTIONS = new Set(["it's", "let's", "that's", "what's", "here's", "there's", "he's", "she's", "who's"]);

/**
 * A technique owned by the model ("the agent's chain of thought", "its retrieval step") is how the model behaves,
 * not an alternative the team tried.
 */
function possessed(before: string | undefined): boolean {
  if (!before) return false;
  const w = before.replace(/’/g, "'");
  return w === "its" || (w.endsWith("'s") && !CONTRACTIONS.has(w));
}

export default defineRule({ id: "alternatives-considered", lexicon }, (input, _options, lx) => {
  if (!input.proposes) return [];
  const techniques = concept(lx.techniques);
  const notTechnique = concept(lx.not_technique);
  const components = concept(lx.components);
  const notComponent = concept(lx.not_component);
  const tried = concept(lx.tried);
  const measured = concept(lx.measured);
  const negs = concept(lx.negations);
  const expectations = concept(lx.expectations);
  const comparisons = concept(lx.comparisons);
  const ruledOut = concept(lx.ruled_out);
  const reasons = concept(lx.reasons);
  const fineTune = concept(lx.fine_tune);
  const measuredPassive = concept(lx.measured_passive);
  const failedOutcomes = concept(lx.failed_outcomes);
  const named = readAll(input).sentences.some((s) => {
    const fields = new Set(findConcept(s.stems, notTechnique));
    const tech = findConcept(s.stems, techniques).filter((i) => !fields.has(i) && !fields.has(i - 1) && !possessed(s.words[i - 1]) && !negatedIn(s, i, negs));
    // "We expect the LoRA to reach 90%", "the adapter should stop ...": a figure or verb after an expectation in its
    // clause is a hope, not a measurement.
    const hoped = (i: number) => findConcept(s.stems.slice(0, i), expectations).some((e) => s.clauses[e] === s.clauses[i]);
    const affirmedIn = (c: typeof tried, except: [number, number][] = []) =>
      findConcept(s.stems, c).some((i) => !except.some(([a, b]) => i >= a && i < b) && !negatedIn(s, i, negs) && !hoped(i));
    const hopedClause = (clause: string) => findConcept(stemPhrase(clause).split(" "), expectations).length > 0;
    const label = INLINE_LABEL.exec(s.text)?.[1]?.toLowerCase();
    const inSection = titled(s.section, lx.sections) || (label !== undefined && titled(label, lx.sections));
    // "Machine translation was costed at £0.12 a page and rejected": an option ruled out on a figure was weighed,
    // whatever it is called.
    const figure = hasResult(s.text) || hasTimeOrMoney(s.text);
    if (findConcept(s.stems, ruledOut).some((i) => !negatedIn(s, i, negs) && !hoped(i) && (figure || findConcept(s.stems, reasons).length > 0))) return true;
    // "libpostal was evaluated first and mis-parses 9%": something other than the fine-tune, measured.
    if (figure && !findConcept(s.stems, fineTune).length && findConcept(s.stems, measuredPassive).some((i) => !negatedIn(s, i, negs) && !hoped(i))) return true;
    // Under an Alternatives heading or field, a line that says something (not TBD, not "we didn't try any") is one.
    // Not one that names only the fine-tune ("N/A — fine-tuning is the only option") or points elsewhere ("see the doc").
    if (
      inSection &&
      hasContent(s.text.replace(/^[^:]*:/, "")) &&
      !findConcept(s.stems, negs).length &&
      !hoped(s.stems.length) &&
      !findConcept(s.stems, fineTune).length &&
      !POINTER.test(s.text.replace(/^[^:]*:/, ""))
    )
      return true;
    if (!tech.length) {
      // "Evaluated against a translate-then-classify pipeline (0.71 vs 0.86)": a comparison with a measured result
      // names an alternative even when it is no technique of the lexicon.
      if (!inSection && hasResult(s.text) && findConcept(s.stems, comparisons).some((i) => !negatedIn(s, i, negs) && !hoped(i))) return true;
      // A deterministic component (a tax function, a lookup API) that was benchmarked is an alternative too; a
      // component is only named, not tried, unless a verb of measuring says so ("the loss function" is neither).
      const excluded = findSpans(s.stems, notComponent);
      const parts = findConcept(s.stems, components).filter((i) => !excluded.some(([a, b]) => i >= a && i < b) && !negatedIn(s, i, negs));
      if (!parts.length) return false;
      return inSection ? hasContent(s.text.replace(/^[^:]*:/, "")) : affirmedIn(measured, findSpans(s.stems, components));
    }
    if (inSection) return hasContent(s.text.replace(/^[^:]*:/, ""));
    // "We'll ground answers with retrieval instead": a technique chosen in place of fine-tuning was weighed against it.
    const chosen = (i: number) => [1, 2, 3].some((k) => s.stems[i + k] === "instead" && s.stems[i + k + 1] !== "of");
    if (tech.some(chosen)) return true;
    // "Retrieval alone hasn't fixed it", "few-shot never got past 60%": a technique that failed was tried.
    if (tech.some((i) => findConcept(s.stems.slice(i + 1, i + 6), failedOutcomes).some((k) => s.clauses[i + 1 + k] === s.clauses[i]))) return true;
    // A technique with a measured figure in its clause ("the prompted model ... in 4% of answers") was evaluated;
    // "each row has a prompt; 12% are empty" is a figure about something else.
    // A technique with a measured time or price in its clause ("the 70B prompt chain takes 6 s") was measured too.
    if (s.text.split(/[;—–]|\s-\s|\b(?:versus|vs\.?)\s/).some((c) => (hasResult(c) || hasTimeOrMoney(c)) && !hopedClause(c) && findConcept(stemPhrase(c).split(" "), techniques).length > 0)) return true;
    // "tool use" is a technique, not a use of one: a verb of trying inside a technique's name does not count.
    return affirmedIn(tried, findSpans(s.stems, techniques));
  });
  if (named) return [];
  const where = input.proposal.length ? "the PR description and proposal files" : "the pull request (it has no description or proposal file)";
  return [{ ...proposalLocation(input), message: `No alternative to fine-tuning (prompting, retrieval, tool use, adapters) is named in ${where}.` }];
});
