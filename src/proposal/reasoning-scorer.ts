import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { rulesDataDir } from "../paths.js";
import { findConcept, negated, type Concept } from "./language.js";
import type { LocatedSentence } from "./proposal-reader.js";

/** The most features a model file may carry: it stays small data, not a blob. */
const MAX_FEATURES = 20000;

/** The shape of `rules/reasoning-fix.model.json`: a logistic regression over binary sentence features. */
export const reasoningModelSchema = z.strictObject({
  version: z.literal(1),
  /** What the weights were trained on, and how the threshold was chosen. */
  trained: z.strictObject({ on: z.array(z.string().min(1)).min(1), sentences: z.number().int().nonnegative(), threshold: z.string().min(1) }),
  bias: z.number().finite(),
  /** Probability above which a tied sentence counts as a claim. */
  threshold: z.number().gt(0).lt(1),
  weights: z
    .record(z.string().min(1).max(120), z.number().finite().min(-50).max(50))
    .refine((w) => Object.keys(w).length <= MAX_FEATURES, `at most ${MAX_FEATURES} features`),
});

/** A trained sentence scorer. */
export type ReasoningModel = z.infer<typeof reasoningModelSchema>;

/** Reads and validates `rules/reasoning-fix.model.json`, naming the file and key when it is wrong (a packaging bug). */
export function loadReasoningModel(file = join(rulesDataDir, "reasoning-fix.model.json")): ReasoningModel {
  const parsed = reasoningModelSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The concepts and headings the features are read with (the rule's lexicon). */
export interface ScorerWords {
  negations: Concept;
  anchors: Concept;
  motiveSections: readonly string[];
}

/** How far back a negator reaches, within the clause, when a word is marked as negated. */
const NEGATION_REACH = 8;

/**
 * Whether each sentence is tied to a fine-tuning mention: the fine-tune is named in it, elsewhere in its paragraph,
 * or it sits under a motive heading (Problem, Why fine-tune) of a proposal that names it. One pass over the text.
 */
export function tiedSentences(sentences: readonly LocatedSentence[], w: ScorerWords): ("sent" | "para" | "motive" | undefined)[] {
  const own = sentences.map((s) => findConcept(s.stems, w.anchors).some((i) => !negated(s.stems, i, w.negations, NEGATION_REACH, s.clauses)));
  const paragraphs = new Set(sentences.filter((s, i) => own[i] || findConcept(s.stems, w.anchors).length > 0).map((s) => `${s.path ?? ""}:${s.paragraph}`));
  const any = paragraphs.size > 0;
  return sentences.map((s, i) =>
    own[i] ? "sent"
    : paragraphs.has(`${s.path ?? ""}:${s.paragraph}`) ? "para"
    : any && w.motiveSections.some((m) => s.section.includes(m)) ? "motive"
    : undefined,
  );
}

function words(s: LocatedSentence, w: ScorerWords, prefix: string, out: Set<string>, bigrams: boolean): void {
  const marked = s.stems.map((t, i) => `${negated(s.stems, i, w.negations, NEGATION_REACH, s.clauses) ? "!" : ""}${/^\d/.test(t) ? "#" : t}`);
  marked.forEach((t, i) => {
    out.add(`${prefix}${t}`);
    if (bigrams && i + 1 < marked.length && s.clauses[i] === s.clauses[i + 1]) out.add(`${prefix}${t}_${marked[i + 1]}`);
  });
}

/**
 * A sentence's features: its stemmed words and word pairs (a word in a negation's scope is marked "!"), the words of
 * the sentences before and after it in its paragraph, its heading kind, and how it is tied to the fine-tune. Bounded
 * by the reader's sentence length.
 */
export function sentenceFeatures(sentences: readonly LocatedSentence[], i: number, tie: string | undefined, w: ScorerWords): string[] {
  const s = sentences[i]!;
  const out = new Set<string>();
  words(s, w, "u:", out, true);
  const same = (o: LocatedSentence | undefined) => o !== undefined && o.path === s.path && o.paragraph === s.paragraph;
  if (same(sentences[i - 1])) words(sentences[i - 1]!, w, "p:", out, false);
  if (same(sentences[i + 1])) words(sentences[i + 1]!, w, "n:", out, false);
  out.add(w.motiveSections.some((m) => s.section.includes(m)) ? "sec:motive" : s.field ? "sec:field" : s.section ? "sec:other" : "sec:top");
  out.add(`tie:${tie ?? "none"}`);
  if (/\?\s*$/.test(s.text)) out.add("question");
  return [...out];
}

/** The model's probability that a sentence with these features expects fine-tuning to fix reasoning or facts. */
export function probability(model: ReasoningModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
