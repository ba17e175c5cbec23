import type { ReviewInput } from "../types.js";

/** A match of a lexicon pattern in the proposal, located where it can be. */
export interface ProposalMatch {
  path?: string;
  line?: number;
  match: string;
  /** The sentence around the match, at most 160 characters. */
  sentence: string;
}

/** How far around a match its sentence is looked for: bounds the work per match on huge texts. */
const SENTENCE_WINDOW = 160;

/**
 * Every match of `patterns` in the proposal texts, skipping those whose sentence matches a negation
 * before it. Work per match is bounded (a window around it, lines counted once per text), so a
 * megabyte of matching text stays linear.
 */
export function findInProposal(input: ReviewInput, patterns: readonly RegExp[], negations: readonly RegExp[] = []): ProposalMatch[] {
  const found: ProposalMatch[] = [];
  for (const part of input.proposal) {
    const text = part.text;
    const lineOf = part.path ? lineCounter(text) : undefined;
    for (const pattern of patterns) {
      const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
      for (const m of text.matchAll(global)) {
        const index = m.index ?? 0;
        const from = Math.max(0, index - 120);
        const window = text.slice(from, index);
        const start = from + Math.max(window.lastIndexOf(".") + 1, window.lastIndexOf("\n") + 1, 0);
        const before = text.slice(start, index);
        if (negations.some((n) => n.test(before))) continue;
        const endDot = text.slice(index, start + SENTENCE_WINDOW).search(/[.\n]/);
        const end = endDot < 0 ? start + SENTENCE_WINDOW : index + endDot;
        found.push({
          path: part.path,
          line: lineOf?.(index),
          match: m[0],
          sentence: text.slice(start, Math.min(end, start + SENTENCE_WINDOW)).trim(),
        });
      }
    }
  }
  return found;
}

/** 1-based line of an offset, from newline offsets found once (each lookup a binary search). */
export function lineCounter(text: string): (index: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines.push(i);
  return (index) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** Where a proposal-level finding points: the first proposal file, or nowhere (the PR description). */
export function proposalLocation(input: ReviewInput): { path?: string } {
  const file = input.proposal.find((p) => p.path);
  return file ? { path: file.path } : {};
}

/** All proposal text joined, for presence checks. */
export function proposalText(input: ReviewInput): string {
  return input.proposal.map((p) => p.text).join("\n\n");
}
