/**
 * The seven patterns of the design, by number, as every renderer names them.
 */
import type { PatternNumber } from "../types.js";

/** Display name of each pattern; 0 is for findings about the review itself. */
export const PATTERN_NAMES: Record<number, string> = {
  0: "Review setup",
  1: "The task boundary is stable",
  2: "Data quality, not reasoning, is the bottleneck",
  3: "Latency budget is priced in",
  4: "A mature evaluation pipeline exists",
  5: "Business logic stays out of the weights",
  6: "Ownership is clear",
  7: "Cheaper, reversible alternatives were tried first",
};

/** The order renderers list patterns in: review setup first, since it can stop everything else. */
export const PATTERN_ORDER: readonly PatternNumber[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** `2. Data quality, not reasoning, is the bottleneck`; pattern 0 has no number. */
export function patternHeading(pattern: number): string {
  const name = PATTERN_NAMES[pattern] ?? `Pattern ${pattern}`;
  return pattern === 0 ? name : `${pattern}. ${name}`;
}
