import type { ReviewInput } from "../types.js";
import { lineAt } from "./rule-helpers.js";

/** A match of a lexicon pattern in the proposal, located where it can be. */
export interface ProposalMatch {
  path?: string;
  line?: number;
  match: string;
  /** The sentence around the match, at most 160 characters. */
  sentence: string;
}

/** Every match of `patterns` in the proposal texts, skipping those whose sentence matches a negation before it. */
export function findInProposal(input: ReviewInput, patterns: readonly RegExp[], negations: readonly RegExp[] = []): ProposalMatch[] {
  const found: ProposalMatch[] = [];
  for (const part of input.proposal) {
    for (const pattern of patterns) {
      const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
      for (const m of part.text.matchAll(global)) {
        const index = m.index ?? 0;
        const start = Math.max(part.text.lastIndexOf(".", index) + 1, part.text.lastIndexOf("\n", index) + 1, index - 120);
        const before = part.text.slice(start, index);
        if (negations.some((n) => n.test(before))) continue;
        const endDot = part.text.slice(index).search(/[.\n]/);
        const end = endDot < 0 ? part.text.length : index + endDot;
        found.push({
          path: part.path,
          line: part.path ? lineAt(part.text, index) : undefined,
          match: m[0],
          sentence: part.text.slice(start, Math.min(end, start + 160)).trim(),
        });
      }
    }
  }
  return found;
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
