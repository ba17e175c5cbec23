import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { concept, findConcept, findSpans, negated, negatedAfter, type Concept } from "../proposal/language.js";
import { mentions, readAll, titled, type LocatedSentence } from "../proposal/proposal-reader.js";
import { stemPhrase, type ProposalSentence } from "../proposal/read-proposal.js";
import type { RuleResult } from "../types.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  targets: words,
  fixes: words,
  not_fixes: words,
  removals: words,
  anchors: words,
  negations: words,
  privatives: words,
  post_negations: words,
  purposes: words,
  monitoring: words,
  reporting: words,
  own_voice: words,
  model_subjects: words,
  critical: words,
  defects: words,
  fault_nouns: words,
  anaphora: words,
  outcomes: words,
  faults: words,
  fact_outcomes: words,
  form: words,
  negative_answers: words,
  metrics: words,
  plans: words,
  other_fixers: words,
  output_faults: words,
  non_goal_sections: words,
  motive_sections: words,
});

/** Words before "reason" that make it the noun ("for this reason"), not the verb. */
const NOT_VERB = new Set(["the", "this", "that", "for", "one", "main", "no", "a", "good", "any", "some", "every", "only", "real", "key", "whatever"]);
/** How far after a fix verb its outcome may come, within its clause ("make the bot's answers about visa rules accurate"). */
const OUTCOME_REACH = 10;
/** How far back a negator reaches, within the clause ("isn't meant to make the model more accurate on facts"). */
const NEGATION_REACH = 15;
/** Labels in front of an answer ("A: No.", "Answer: not really"). */
const ANSWER_LABEL = new Set(["a", "answer", "short"]);
/** Words that make the next one a noun ("the hope is", "a claim"). */
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "one"]);
/** Anchors that name a retraining schedule, not the fine-tune a plan is for ("we plan to re-train every 6 weeks"). */
const RETRAIN = new Set(["retrain", "re"]);
/** Words that point at a stated fault, not at the model ("fix that", not "make it reliable"). */
const DEMONSTRATIVES = new Set(["that", "this", "these", "those"]);
/** Stands in for a masked word: matches no phrase. */
const MASK = "\u0000";

type Fault = "target" | "fact";

export default defineRule({ id: "reasoning-fix", lexicon }, (input, _options, lx) => {
  const c = Object.fromEntries(Object.entries(lx).filter(([k]) => !k.endsWith("_sections")).map(([k, v]) => [k, concept(v)])) as Record<
    Exclude<keyof typeof lx, "non_goal_sections" | "motive_sections">,
    Concept
  >;
  const neg = (s: ProposalSentence, i: number, stems: readonly string[] = s.stems) => negated(stems, i, c.negations, NEGATION_REACH, s.clauses);
  /** Indexes of `k` in the sentence outside a negation's scope. */
  const live = (s: ProposalSentence, k: Concept) => findConcept(s.stems, k).filter((i) => !neg(s, i));
  /**
   * Whether a target is negated, before it or right after it ("better reasoning isn't expected"). "Without",
   * "no more" and "no longer" before a fault ("without arithmetic slips", "no more invented form numbers") say
   * what the fix removes, they do not negate the claim.
   */
  const negatedTarget = (s: ProposalSentence, i: number) => {
    // A negator inside the target's own phrase ("that aren't in the source", "don't support") is part of the fault.
    const own = findSpans(s.stems.slice(i, i + 8), targetPhrases)[0];
    const last = own?.[0] === 0 ? i + own[1] - 1 : i;
    if (negatedAfter(s.stems, last, c.post_negations, 5, s.clauses)) return true;
    if (!neg(s, i)) return false;
    const masked = [...s.stems];
    for (const [a, b] of findSpans(s.stems, c.privatives)) for (let k = a; k < b; k++) masked[k] = MASK;
    if (neg(s, i, masked)) return true;
    const fault = findConcept(s.stems.slice(i, i + 4), c.defects).includes(0) || findConcept(s.stems.slice(i + 1, i + 3), c.fault_nouns).length > 0;
    return !fault;
  };
  const targetPhrases = [...c.targets, ...c.output_faults];
  /** Faults in what the model says, with the model as the subject earlier in their clause ("the bot mixes up the totals"). */
  const outputFaultsIn = (s: ProposalSentence) =>
    findConcept(s.stems, c.output_faults).filter((i) => findConcept(s.stems.slice(0, i), c.model_subjects).some((k) => s.clauses[k] === s.clauses[i]));
  /** Targets that are claims about reasoning or facts: not "for this reason", not the object of a metric ("watch the hallucination rate"). */
  const targetsIn = (s: ProposalSentence) => [...claimTargetsIn(s), ...outputFaultsIn(s)];
  const claimTargetsIn = (s: ProposalSentence) =>
    findConcept(s.stems, c.targets).filter(
      (i) =>
        (s.stems[i] !== "reason" || /^reasoning/.test(s.words[i]!) || !NOT_VERB.has(s.words[i - 1] ?? "")) &&
        !findConcept(s.stems.slice(Math.max(0, i - 3), i), c.monitoring).some((k) => s.clauses[Math.max(0, i - 3) + k] === s.clauses[i]) &&
        !findConcept(s.stems.slice(i + 1, i + 2), c.metrics).length,
    );
  /** Fix verbs outside a negation's scope, and not "make sure". */
  const fixesIn = (s: ProposalSentence) => {
    const not = findSpans(s.stems, c.not_fixes);
    return live(s, c.fixes).filter((f) => !not.some(([a, b]) => f >= a && f < b));
  };
  /** Fixes in a clause that names the fine-tune: the fix is what fine-tuning is expected to do. */
  const anchoredFixes = (s: ProposalSentence) => {
    const clauses = new Set(live(s, c.anchors).map((a) => s.clauses[a]));
    return fixesIn(s).filter((f) => clauses.has(s.clauses[f]));
  };
  const inClause = (s: ProposalSentence, f: number, k: Concept) =>
    findConcept(s.stems.slice(f, f + 1 + OUTCOME_REACH), k).some((j) => s.clauses[f + j] === s.clauses[f]);
  /** A fix with "that"/"this" right after or right before it, in its clause ("fix this", "this goes away"). */
  const pointer = (s: ProposalSentence, demonstrative = false) =>
    anchoredFixes(s).some((f) => {
      const from = Math.max(0, f - 2);
      const near = [...findConcept(s.stems.slice(f + 1, f + 3), c.anaphora).map((k) => f + 1 + k), ...findConcept(s.stems.slice(from, f), c.anaphora).map((k) => from + k)];
      return near.some((k) => s.clauses[k] === s.clauses[f] && (!demonstrative || DEMONSTRATIVES.has(s.stems[k]!)));
    });
  /** A fix with an outcome ("accurate", "consistent") at it or later in its clause ("should be correct", "make its answers ... accurate"). */
  const outcome = (s: ProposalSentence, k: Concept) => anchoredFixes(s).some((f) => inClause(s, f, k));
  /** A removal ("stop", "no longer") of a fault of fact in the fine-tune's clause ("should stop reaching the wrong conclusion"). */
  const removesFault = (s: ProposalSentence) =>
    !mentions(s, c.form) && findConcept(s.stems, c.removals).some((r) => !neg(s, r) && anchoredFixes(s).some((f) => s.clauses[f] === s.clauses[r]) && (inClause(s, r, c.faults) || inClause(s, r, c.defects)));
  /** A fault the writer states: a reasoning or factuality target, or a fault of fact that is not about form. */
  const faultIn = (s: ProposalSentence): Fault | undefined => {
    if (mentions(s, c.critical)) return undefined;
    if (targetsIn(s).some((i) => !negatedTarget(s, i)) || live(s, c.defects).length) return "target";
    return live(s, c.faults).length && !mentions(s, c.form) ? "fact" : undefined;
  };
  /** The fault in the fix's own sentence, only in a clause other than the fix's ("...accurate; today one in ten is wrong"). */
  const faultOwn = (s: ProposalSentence): Fault | undefined => {
    if (mentions(s, c.form)) return undefined;
    const clauses = new Set(fixesIn(s).map((f) => s.clauses[f]));
    const other = (k: Concept) => live(s, k).some((i) => !clauses.has(s.clauses[i]));
    return other(c.defects) ? "target" : other(c.faults) ? "fact" : undefined;
  };
  /**
   * Reported speech: a reporting verb ahead of the claim whose subject is someone else ("the vendor claims
   * fine-tuning will ..."). The writer's own "we believe", and the model's own doing ("endpoints it suggests"),
   * are not.
   */
  const reported = (s: ProposalSentence) => {
    const claim = Math.min(...findConcept(s.stems, c.anchors), ...targetsIn(s), s.stems.length);
    const ahead = findConcept(s.stems, c.reporting).some((r) => {
      // "The hope is that ...": after a determiner the word is a noun; "wants the model to think": after "to" a verb of
      // thinking is what the model should do, not someone reporting.
      // A reporting verb that opens the sentence has no one else as its subject: a label ("Ask: ...") or the writer ("Hoping ...").
      if (r === 0 || r > claim || DETERMINERS.has(s.stems[r - 1] ?? "") || s.stems[r - 1] === "to") return false;
      const subject = s.stems.slice(Math.max(0, r - 3), r);
      // Only the word right before the verb is its subject: "the endpoints it suggests", not "the model vendor says".
      if (findConcept(subject, c.model_subjects).includes(subject.length - 1)) return false;
      // The subject is the word or phrase right before the verb (an adverb may sit between): "we really think".
      return !findConcept(subject, c.own_voice).some((k) => subject.length - k <= 3);
    });
    return ahead || attributed(s.text);
  };
  /** A trailing attribution after a comma, someone else's: "..., the vendor said." (not "..., we believe"). */
  const attributed = (text: string) =>
    text
      .split(",")
      .slice(1)
      .some((segment) => {
        const stems = stemPhrase(segment).split(" ").filter(Boolean).slice(0, 4);
        const r = findConcept(stems, c.reporting)[0];
        return r !== undefined && r > 0 && !findConcept(stems.slice(0, r), c.own_voice).length && !findConcept(stems.slice(0, r), c.model_subjects).length;
      });
  /**
   * A sentence that states the plan to fine-tune ("We'll fine-tune on table-QA pairs", "Proposal: fine-tune on our own
   * diffs"), for no purpose of form (tone, format, labels).
   */
  const plan = (s: ProposalSentence) => {
    const anchors = live(s, c.anchors).filter((a) => !RETRAIN.has(s.stems[a]!));
    // An imperative ("Fine-tune on resolved warranty tickets so ...") states the plan as well as "we'll fine-tune".
    return anchors.length > 0 && (live(s, c.plans).length > 0 || anchors[0] === 0) && !mentions(s, c.form);
  };
  /** The fault a plan is aimed at: the first one stated before it in its paragraph, with no other fix named from it to the plan. */
  const planned = (paragraph: Record<Fault, number[]>, here: number) =>
    [...paragraph.target, ...paragraph.fact]
      .filter((i) => i < here && !reported(sentences[i]!) && !sentences.slice(i, here).some((t) => mentions(t, c.other_fixers)))
      .sort((a, b) => a - b)[0] ?? -1;
  /** A question answered in the negative on the next line ("Q: Will fine-tuning fix it?" / "A: No."). */
  const answeredNo = (s: LocatedSentence) => {
    if (!/\?\s*$/.test(s.text) || !s.next) return false;
    const stems = s.next.stems;
    let from = 0;
    while (from < 2 && ANSWER_LABEL.has(stems[from] ?? "")) from++;
    return findConcept(stems.slice(from, from + 3), c.negative_answers).includes(0);
  };

  const sentences = readAll(input).sentences.filter((s) => !titled(s.section, lx.non_goal_sections));
  // Each sentence's fault is read once; each paragraph, and each part's motive sections (Problem, Motivation,
  // Why fine-tune), keep where their first two faults of each kind are, so thousands of sentences stay linear.
  const kinds = sentences.map(faultIn);
  const firsts = new Map<string, Record<Fault, number[]>>();
  const note = (key: string, i: number) => {
    const f = firsts.get(key) ?? { target: [], fact: [] };
    const k = kinds[i];
    if (k && f[k].length < 2) f[k].push(i);
    firsts.set(key, f);
  };
  sentences.forEach((s, i) => {
    note(`${s.path ?? ""}:${s.paragraph}`, i);
    if (titled(s.section, lx.motive_sections)) note(`${s.path ?? ""}:motive`, i);
  });
  const anchoredBlocks = new Set(sentences.filter((s) => s.field && live(s, c.anchors).length).map((s) => `${s.path ?? ""}:${s.paragraph}`));
  const none: Record<Fault, number[]> = { target: [], fact: [] };
  const seen = new Set<string>();
  const claimed = new Set<number>();
  const out: RuleResult[] = [];
  sentences.forEach((s, here) => {
    if (mentions(s, c.critical) || answeredNo(s) || reported(s)) return;
    const motive = titled(s.section, lx.motive_sections);
    const hits = targetsIn(s).filter((i) => !negatedTarget(s, i));
    let expects = false;
    let quote = s.text;
    if (hits.length) {
      // The fix is in the target's clause; under a Why fine-tune heading a fault needs no fix verb: the heading
      // says the fine-tune is the fix.
      const clauses = new Set(hits.map((i) => s.clauses[i]));
      // "Fine-tune so the assistant reasons from the measurements": a purpose between the fine-tune and the target.
      const anchorsAt = live(s, c.anchors);
      const purpose = findConcept(s.stems, c.purposes).some((p) => anchorsAt.some((a) => a < p && s.clauses[a] === s.clauses[p]) && hits.some((i) => i > p && s.clauses[i] === s.clauses[p]));
      const fixed = fixesIn(s).some((f) => clauses.has(s.clauses[f])) || purpose || (motive && live(s, c.defects).length > 0);
      // A template field or table row is anchored by the fine-tune its block names ("| Method | LoRA ... |").
      const block = s.field && anchoredBlocks.has(`${s.path ?? ""}:${s.paragraph}`);
      const anchored = live(s, c.anchors).length > 0 || (s.previous !== undefined && mentions(s.previous, c.anchors) && !mentions(s, c.negations)) || motive || block;
      expects = fixed && anchored;
    }
    // Under a Why fine-tune or Problem heading a fault stated alone is the motive for the fine-tune.
    if (!expects && motive && (live(s, c.defects).length > 0 || outputFaultsIn(s).length > 0 || (live(s, c.faults).length > 0 && !mentions(s, c.form))))
      expects = claimed.add(here).size > 0;
    if (!expects && live(s, c.anchors).length) {
      // "It keeps making things up. We want to fine-tune it so it stops doing that." The fault may be named
      // anywhere in the paragraph, before or after the fix, in another clause of the same sentence, or under the
      // proposal's Problem or Motivation heading; a fault of fact ("it states wrong prices") counts too, a fault
      // of form (wrong JSON, the wrong tone) does not.
      const paragraph = firsts.get(`${s.path ?? ""}:${s.paragraph}`) ?? none;
      const motives = firsts.get(`${s.path ?? ""}:motive`) ?? none;
      const own = faultOwn(s);
      const other = (k: Fault) => paragraph[k].find((i) => i !== here) ?? motives[k].find((i) => i !== here) ?? (own === k ? here : -1);
      // "that" points at the sentence before (or another clause of its own), or at the fault a Problem heading
      // states; an outcome may answer a fault anywhere in the paragraph. A generic fault ("wrong", "incorrect")
      // elsewhere needs a factual outcome: "fix that" or "reliable again" after wrong outputs is no claim about facts.
      const prev = sentences[here - 1];
      const before =
        prev && prev.path === s.path && prev.paragraph === s.paragraph && kinds[here - 1] !== undefined ? here - 1
        : own === "target" ? here
        : (paragraph.target.find((i) => i !== here) ?? motives.target.find((i) => i !== here) ?? motives.fact.find((i) => i !== here) ?? -1);
      const target = other("target");
      const fact = other("fact");
      const at =
        // A fault of fact before is pointed at only by "that", "this" ("sort that"): "make it reliable" after wrong
        // outputs names the model, not the fault.
        before >= 0 && pointer(s, kinds[before] === "fact") ? before
        : target >= 0 && outcome(s, c.outcomes) ? target
        : fact >= 0 && outcome(s, c.fact_outcomes) ? fact
        : removesFault(s) ? here
        : plan(s) ? planned(paragraph, here)
        : -1;
      // A fault already reported under its Problem heading is the same claim: one finding, not two.
      if (at >= 0 && !claimed.has(at)) {
        expects = true;
        claimed.add(at);
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
});
