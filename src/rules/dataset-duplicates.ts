import { exampleDuplicates, nearDuplicatePairs } from "../datasets/minhash.js";
import { defineRule } from "./define-rule.js";
import { percent } from "./rule-helpers.js";

export default defineRule<{ max_ratio: number; near_threshold: number }>({ id: "dataset-duplicates" }, (input, options) =>
  input.datasets.flatMap((scan) => {
    if (scan.keys.length < 2) return [];
    const dupOf = new Map<number, { of: number; exact: boolean }>();
    // Typed arrays, not a Map of hash strings: a string per record was the review's memory peak.
    for (const [first, later] of exampleDuplicates(scan.keys)) dupOf.set(later, { of: first, exact: true });
    for (const [a, b] of nearDuplicatePairs(scan.keys, options.near_threshold)) {
      const later = Math.max(a, b);
      if (!dupOf.has(later)) dupOf.set(later, { of: Math.min(a, b), exact: false });
    }
    const ratio = dupOf.size / scan.keys.length;
    if (ratio <= options.max_ratio) return [];
    const share = `${dupOf.size} of ${scan.keys.length} examples (${percent(dupOf.size, scan.keys.length)}, above ${percent(options.max_ratio, 1)})`;
    return [...dupOf.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([i, d]) => {
        const line = scan.keys[i]!.line;
        return {
          path: scan.path,
          line,
          endLine: line,
          message: `Line ${line} ${d.exact ? "repeats" : "nearly repeats"} line ${scan.keys[d.of]!.line} after normalising case, whitespace and punctuation; ${share} are duplicates.`,
        };
      });
  }),
);
