import { amountsIn } from "./english-model.js";
import { stemPhrase } from "./read-proposal.js";

/** A concept list compiled to stem sequences, matched against a sentence's stems. */
export type Concept = string[][];

/** Compiles phrases ("fine-tune", "tool calling") into stem sequences. */
export function concept(phrases: readonly string[]): Concept {
  return phrases.map((p) => stemPhrase(p).split(" ").filter(Boolean));
}

/** Token indexes where any phrase of `c` starts in `stems` (-1 none). */
export function findConcept(stems: readonly string[], c: Concept): number[] {
  const at: number[] = [];
  for (let i = 0; i < stems.length; i++) {
    for (const seq of c) {
      if (seq.length && seq.every((s, k) => stems[i + k] === s)) {
        at.push(i);
        break;
      }
    }
  }
  return at;
}

/** Spans [start, end) where phrases of `c` occur in `stems` (the longest phrase at each start). */
export function findSpans(stems: readonly string[], c: Concept): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < stems.length; i++) {
    let len = 0;
    for (const seq of c) if (seq.length > len && seq.every((s, k) => stems[i + k] === s)) len = seq.length;
    if (len) spans.push([i, i + len]);
  }
  return spans;
}

/**
 * Whether a negator follows the token at `i` closely in its clause ("better reasoning isn't expected",
 * "hallucinations won't go away"): a clause break or a conjunction ends the look.
 */
export function negatedAfter(stems: readonly string[], i: number, negators: Concept, window = 5, clauses?: readonly number[]): boolean {
  for (let j = i + 1; j <= i + window && j < stems.length; j++) {
    if (AFTER_BREAK.has(stems[j]!) || (clauses && clauses[j] !== clauses[i])) break;
    if (negators.some((seq) => seq.every((s, k) => stems[j + k] === s))) return true;
  }
  return false;
}

/** Whether the token at `i` is inside a negation's scope: a negator earlier in its clause, or a negating tail right after it. */
export function negated(stems: readonly string[], i: number, negators: Concept, window = 8, clauses?: readonly number[]): boolean {
  const from = Math.max(0, i - window);
  for (let j = i - 1; j >= from; j--) {
    if (CLAUSE_BREAK.has(stems[j]!) || (clauses && clauses[j] !== clauses[i])) break;
    if (negators.some((seq) => seq.every((s, k) => stems[j + k] === s) && j + seq.length <= i)) return true;
  }
  return false;
}

const CLAUSE_BREAK = new Set(["but", "however", "although", "though", "wherea", "yet", "so", "because", "while"]);
/** After a word, a relative or a conjunction starts another statement ("hallucinations that don't appear in the eval"). */
const AFTER_BREAK = new Set([...CLAUSE_BREAK, "and", "which", "that", "who", "when", "if"]);

const NUMBER_WORDS = new Set(
  "one two three four five six seven eight nine ten eleven twelve fifteen twenti thirti forti fifti hundr hundred thousand half quarter third tenth couple few sever".split(
    " ",
  ),
);
/** Units of time and money (and what is paid for): a percentage or a bare "p95" is not a budget. */
const UNITS = new Set(
  "m ms millisecond second sec s minut min hour hr day week month year usd $ £ € cent penni pence dollar pound euro gbp eur token request call queri k million thousand rp qp".split(
    " ",
  ),
);

/** Whether a sentence states a quantity of time or money: a number (in digits or words) with such a unit or currency near it. */
export function hasQuantity(text: string, stems: readonly string[]): boolean {
  if (/[$£€]\s?\d|\d\s?(ms|s|sec|secs|min|mins|h|hrs?)\b/i.test(text)) return true;
  for (let i = 0; i < stems.length; i++) {
    const w = stems[i]!;
    if (/^\d/.test(w) || NUMBER_WORDS.has(w)) {
      for (let k = i + 1; k <= i + 3 && k < stems.length; k++) if (UNITS.has(stems[k]!)) return true;
      if (i > 0 && /^[$£€]$/.test(stems[i - 1]!)) return true;
    }
  }
  // The model's entity recogniser reads amounts the unit list does not ("one and a half seconds", "fifty pounds");
  // a unit alone ("month", "a week") is no amount, nor a clock time ("at 9am each Monday").
  return amountsIn(text).some((a) => /\d/.test(a) || /\S\s+\S/.test(a));
}

/** A measured figure: a percentage, a score such as 0.81 or 3.1/5 (a full stop may end the sentence after it), or "n of m". Versions ("2.3", "gpt-4.1") are not. */
const RESULT =
  /\d(?:[.,]\d+)?\s?%|(?<![\w.$£€])0?\.\d{2,3}(?!\w|\.\w)|(?<![\w.])\d+(?:\.\d+)?\s?\/\s?\d+(?![\w/]|\.\w)|\b\d+ (?:of|in|out of) (?:\d+|every|each)\b/i;

/** Whether a sentence reports a measured result (a percentage, a score, a fraction). */
export function hasResult(text: string): boolean {
  return RESULT.test(text);
}

/** A measured time or price: "takes 6 s", "2.4 s median", "$0.04 a call", "4p per request". */
const TIME_OR_MONEY = /[$£€]\s?\d|\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds?|minutes?|mins?|p|pence|cents?)\b/i;

/** Whether a text states a time or a price in digits. */
export function hasTimeOrMoney(text: string): boolean {
  return TIME_OR_MONEY.test(text);
}
