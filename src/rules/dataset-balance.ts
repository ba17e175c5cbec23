import { defineRule } from "./define-rule.js";
import { percent } from "./rule-helpers.js";

export default defineRule<{ min_ratio: number; min_per_label: number }>({ id: "dataset-balance" }, (input, options) =>
  input.datasets
    .filter((scan) => scan.role === "train")
    .flatMap((scan) => {
      const counts = Object.entries(scan.labelCounts);
      if (counts.length < 2) return [];
      const [topLabel, top] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
      return counts
        .filter(([, n]) => n < top * options.min_ratio || n < options.min_per_label)
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .map(([label, n]) => ({
          path: scan.path,
          line: scan.labelLines[label],
          message:
            n < options.min_per_label
              ? `Label "${label}" has ${n} example${n === 1 ? "" : "s"} in ${scan.path}, fewer than ${options.min_per_label}; the largest, "${topLabel}", has ${top}.`
              : `Label "${label}" has ${n} example${n === 1 ? "" : "s"} in ${scan.path}, ${percent(n, top)} of the largest label "${topLabel}" (${top}); the floor is ${percent(options.min_ratio, 1)}.`,
        }));
    }),
);
