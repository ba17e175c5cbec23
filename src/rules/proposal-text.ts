import type { ReviewInput } from "../types.js";

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
