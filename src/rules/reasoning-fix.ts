import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { concept, findConcept } from "../proposal/language.js";
import { affirmed, mentions, negatedIn, readAll, titled } from "../proposal/proposal-reader.js";
import type { ProposalSentence } from "../proposal/read-proposal.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  targets: words,
  fixes: words,
  anchors: words,
  negations: words,
  reporting: words,
  own_voice: words,
  critical: words,
  defects: words,
  anaphora: words,
  outcomes: words,
  faults: words,
  fact_outcomes: words,
  form: words,
  non_goal_sections: words,
  motive_sections: words,
});

/** Words before "reason" that make it the noun ("for this reason"), not the verb. */
const NOT_VERB = new Set(["the", "this", "that", "for", "one", "main", "no", "a", "good", "any", "some", "every", "only", "real", "key", "whatever"]);

export default defineRule({ id: "reasoning-fix", lexicon }, (input, _options, lx) => {
  const targets = concept(lx.targets);
  const fixes = concept(lx.fixes);
  const anchors = concept(lx.anchors);
  const negs = concept(lx.negations);
  const reporting = concept(lx.reporting);
  const own = concept(lx.own_voice);
  const critical = concept(lx.critical);
  const defects = concept(lx.defects);
  const anaphora = concept(lx.anaphora);
  const outcomes = concept(lx.outcomes);
  const faults = concept(lx.faults);
  const factOutcomes = concept(lx.fact_outcomes);
  const form = concept(lx.form);
  const targetsIn = (s: ProposalSentence) =>
    findConcept(s.stems, targets).filter((i) => s.stems[i] !== "reason" || /^reasoning/.test(s.words[i]!) || !NOT_VERB.has(s.words[i - 1] ?? ""));
  /**
   * A fix whose object is "that"/"this" right after it, or an outcome ("accurate") in its clause: it points at a
   * fault named before. After a fault of fact only a factual outcome counts ("fix that" after a wrong config,
   * or "reliable again", is no claim about facts).
   */
  const pointsBack = (s: ProposalSentence, ofFact = false) =>
    findConcept(s.stems, fixes).some((f) => {
      if (negatedIn(s, f, negs)) return false;
      const back = !ofFact && findConcept(s.stems.slice(f + 1, f + 3), anaphora).length > 0;
      const outcome = findConcept(s.stems.slice(f + 1, f + 5), ofFact ? factOutcomes : outcomes).some((k) => s.clauses[f + 1 + k] === s.clauses[f]);
      return back || outcome;
    });
  const seen = new Set<string>();
  const out = [];
  for (const s of readAll(input).sentences) {
    if (titled(s.section, lx.non_goal_sections)) continue;
    const motive = titled(s.section, lx.motive_sections);
    const hits = targetsIn(s).filter((i) => !negatedIn(s, i, negs));
    let expects: boolean;
    let quote = s.text;
    if (hits.length) {
      // Under a Why fine-tune heading a fault needs no fix verb: the heading says the fine-tune is the fix.
      const fixed = affirmed(s, fixes, negs) || (motive && affirmed(s, defects, negs));
      const anchored = affirmed(s, anchors, negs) || (s.previous !== undefined && mentions(s.previous, anchors) && !mentions(s, negs)) || motive;
      expects = fixed && anchored;
    } else {
      // "It keeps making things up. We want to fine-tune it so it stops doing that." A fault of fact ("it states
      // wrong prices") is a factuality target too; a fault of form (wrong JSON, the wrong tone) is not.
      const before = s.previous;
      const target = before !== undefined && targetsIn(before).some((i) => !negatedIn(before, i, negs));
      // A fault of fact needs a factual outcome after the fix ("... should make its answers accurate").
      const fault = before !== undefined && !target && affirmed(before, faults, negs) && !mentions(before, form);
      expects = (target || fault) && before !== undefined && !mentions(before, critical) && affirmed(s, anchors, negs) && pointsBack(s, fault);
      if (expects) quote = `${before!.text} ${s.text}`;
    }
    if (!expects || mentions(s, critical)) continue;
    const reporter = findConcept(s.stems, reporting)[0];
    if (reporter !== undefined && findConcept(s.stems.slice(0, reporter), own).length === 0) continue;
    const key = `${s.path}:${s.line}:${s.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sentence = quote.length > 160 ? `${quote.slice(0, 157)}...` : quote;
    out.push({ path: s.path, line: s.line, endLine: s.line, message: `The proposal expects fine-tuning to fix reasoning: "${sentence}".` });
  }
  return out;
});
