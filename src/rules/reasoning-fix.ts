import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { concept, findConcept, type Concept } from "../proposal/language.js";
import { affirmed, mentions, negatedIn, readAll, titled, type LocatedSentence } from "../proposal/proposal-reader.js";
import type { ProposalSentence } from "../proposal/read-proposal.js";
import type { RuleResult } from "../types.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  targets: words,
  fixes: words,
  anchors: words,
  negations: words,
  reporting: words,
  own_voice: words,
  model_subjects: words,
  critical: words,
  defects: words,
  anaphora: words,
  outcomes: words,
  faults: words,
  fact_outcomes: words,
  form: words,
  negative_answers: words,
  non_goal_sections: words,
  motive_sections: words,
});

/** Words before "reason" that make it the noun ("for this reason"), not the verb. */
const NOT_VERB = new Set(["the", "this", "that", "for", "one", "main", "no", "a", "good", "any", "some", "every", "only", "real", "key", "whatever"]);
/** How far after a fix verb its outcome may come, within its clause ("make the bot's answers about visa rules accurate"). */
const OUTCOME_REACH = 10;
/** Labels in front of an answer ("A: No.", "Answer: not really"). */
const ANSWER_LABEL = new Set(["a", "answer", "short"]);

export default defineRule({ id: "reasoning-fix", lexicon }, (input, _options, lx) => {
  const targets = concept(lx.targets);
  const fixes = concept(lx.fixes);
  const anchors = concept(lx.anchors);
  const negs = concept(lx.negations);
  const reporting = concept(lx.reporting);
  const own = concept(lx.own_voice);
  const modelSubjects = concept(lx.model_subjects);
  const critical = concept(lx.critical);
  const defects = concept(lx.defects);
  const anaphora = concept(lx.anaphora);
  const outcomes = concept(lx.outcomes);
  const faults = concept(lx.faults);
  const factOutcomes = concept(lx.fact_outcomes);
  const form = concept(lx.form);
  const noAnswers = concept(lx.negative_answers);
  const targetsIn = (s: ProposalSentence) =>
    findConcept(s.stems, targets).filter((i) => s.stems[i] !== "reason" || /^reasoning/.test(s.words[i]!) || !NOT_VERB.has(s.words[i - 1] ?? ""));
  /** A fix with "that"/"this" right after or right before it, in its clause ("fix this", "this goes away"). */
  const pointer = (s: ProposalSentence) =>
    findConcept(s.stems, fixes).some((f) => {
      if (negatedIn(s, f, negs)) return false;
      const from = Math.max(0, f - 2);
      const near = [...findConcept(s.stems.slice(f + 1, f + 3), anaphora).map((k) => f + 1 + k), ...findConcept(s.stems.slice(from, f), anaphora).map((k) => from + k)];
      return near.some((k) => s.clauses[k] === s.clauses[f]);
    });
  /** A fix with an outcome ("accurate", "consistent") at it or later in its clause ("should be correct", "make its answers ... accurate"). */
  const outcome = (s: ProposalSentence, c: Concept) =>
    findConcept(s.stems, fixes).some(
      (f) => !negatedIn(s, f, negs) && findConcept(s.stems.slice(f, f + 1 + OUTCOME_REACH), c).some((k) => s.clauses[f + k] === s.clauses[f]),
    );
  /** A fault the writer states: a reasoning or factuality target, or a fault of fact that is not about form. */
  const faultIn = (s: ProposalSentence): "target" | "fact" | undefined => {
    if (mentions(s, critical)) return undefined;
    if (targetsIn(s).some((i) => !negatedIn(s, i, negs)) || affirmed(s, defects, negs)) return "target";
    return affirmed(s, faults, negs) && !mentions(s, form) ? "fact" : undefined;
  };
  /**
   * Reported speech: a reporting verb ahead of the claim whose subject is someone else ("the vendor claims
   * fine-tuning will ..."). The writer's own "we believe", and the model's own doing ("endpoints it suggests"),
   * are not.
   */
  const reported = (s: ProposalSentence) => {
    const claim = Math.min(...findConcept(s.stems, anchors), ...targetsIn(s), s.stems.length);
    return findConcept(s.stems, reporting).some((r) => {
      if (r > claim) return false;
      if (findConcept(s.stems.slice(Math.max(0, r - 2), r), modelSubjects).length) return false;
      return findConcept(s.stems.slice(0, r), own).length === 0;
    });
  };
  /** A question answered in the negative on the next line ("Q: Will fine-tuning fix it?" / "A: No."). */
  const answeredNo = (s: LocatedSentence) => {
    if (!/\?\s*$/.test(s.text) || !s.next) return false;
    const stems = s.next.stems;
    let from = 0;
    while (from < 2 && ANSWER_LABEL.has(stems[from] ?? "")) from++;
    return findConcept(stems.slice(from, from + 3), noAnswers).includes(0);
  };
  const sentences = readAll(input).sentences.filter((s) => !titled(s.section, lx.non_goal_sections));
  // Each sentence's fault is read once, and each paragraph keeps where its first two faults of each kind are, so
  // a paragraph of thousands of sentences stays linear.
  const kinds = sentences.map(faultIn);
  const firsts = new Map<string, { target: number[]; fact: number[] }>();
  sentences.forEach((s, i) => {
    const key = `${s.path ?? ""}:${s.paragraph}`;
    const f = firsts.get(key) ?? { target: [], fact: [] };
    const k = kinds[i];
    if (k && f[k].length < 2) f[k].push(i);
    firsts.set(key, f);
  });
  const seen = new Set<string>();
  const out: RuleResult[] = [];
  sentences.forEach((s, here) => {
    if (mentions(s, critical) || answeredNo(s) || reported(s)) return;
    const motive = titled(s.section, lx.motive_sections);
    const hits = targetsIn(s).filter((i) => !negatedIn(s, i, negs));
    let expects = false;
    let quote = s.text;
    if (hits.length) {
      // Under a Why fine-tune heading a fault needs no fix verb: the heading says the fine-tune is the fix.
      const fixed = affirmed(s, fixes, negs) || (motive && affirmed(s, defects, negs));
      const anchored = affirmed(s, anchors, negs) || (s.previous !== undefined && mentions(s.previous, anchors) && !mentions(s, negs)) || motive;
      expects = fixed && anchored;
    }
    if (!expects && affirmed(s, anchors, negs)) {
      // "It keeps making things up. We want to fine-tune it so it stops doing that." The fault may be named
      // anywhere in the paragraph, before or after the fix, or in another clause of the same sentence; a fault
      // of fact ("it states wrong prices") counts too, a fault of form (wrong JSON, the wrong tone) does not.
      const paragraph = firsts.get(`${s.path ?? ""}:${s.paragraph}`)!;
      const own = faultOwn(s);
      const other = (k: "target" | "fact") => paragraph[k].find((i) => i !== here) ?? (own === k ? here : -1);
      // "that" points at the sentence before (or another clause of its own); an outcome may answer a fault
      // anywhere in the paragraph. A generic fault ("wrong", "incorrect") needs a factual outcome: "fix that" or
      // "reliable again" after wrong outputs is no claim about facts.
      const prev = sentences[here - 1];
      const before = prev && prev.path === s.path && prev.paragraph === s.paragraph && kinds[here - 1] === "target" ? here - 1 : own === "target" ? here : -1;
      const target = other("target");
      const fact = other("fact");
      const at =
        before >= 0 && pointer(s) ? before
        : target >= 0 && outcome(s, outcomes) ? target
        : fact >= 0 && outcome(s, factOutcomes) ? fact
        : -1;
      if (at >= 0) {
        expects = true;
        if (at !== here) quote = here < at ? `${s.text} ${sentences[at]!.text}` : `${sentences[at]!.text} ${s.text}`;
      }
    }
    if (!expects) return;
    const key = `${s.path}:${s.line}:${s.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const sentence = quote.length > 160 ? `${quote.slice(0, 157)}...` : quote;
    out.push({ path: s.path, line: s.line, endLine: s.line, message: `The proposal expects fine-tuning to fix reasoning: "${sentence}".` });
  });
  return out;

  /** The fault in the fix's own sentence, only in a clause other than the fix's ("...accurate; today one in ten is wrong"). */
  function faultOwn(s: ProposalSentence): "target" | "fact" | undefined {
    if (mentions(s, form)) return undefined;
    const clauses = new Set(findConcept(s.stems, fixes).map((f) => s.clauses[f]));
    const other = (c: Concept) => findConcept(s.stems, c).some((i) => !clauses.has(s.clauses[i]) && !negatedIn(s, i, negs));
    return other(defects) ? "target" : other(faults) ? "fact" : undefined;
  }
});
