import { defineRule } from "./define-rule.js";
import type { z } from "zod";
import { countOption, percent, shareOption } from "./rule-helpers.js";

const optionsShape = { min_ratio: shareOption, min_per_label: countOption(1) };
type Options = { [K in keyof typeof optionsShape]: z.infer<(typeof optionsShape)[K]> };

/** The labels that fail the balance floors, with their count and the largest label. */
function rareLabels(labelCounts: Record<string, number>, options: Options): { top: [string, number]; rare: Map<string, number> } | null {
  const counts = Object.entries(labelCounts);
  if (counts.length < 2) return null;
  const top = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { top, rare: new Map(counts.filter(([, n]) => n < top[1] * options.min_ratio || n < options.min_per_label)) };
}

export default defineRule({ id: "dataset-balance", options: optionsShape }, (input, options) =>
  input.datasets
    .filter((scan) => scan.role === "train")
    .flatMap((scan) => {
      const head = rareLabels(scan.labelCounts, options);
      if (!head) return [];
      const [topLabel, top] = head.top;
      const base = scan.base ? rareLabels(scan.base.labelCounts, options) : undefined;
      return [...head.rare]
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .map(([label, n]) => {
          const was = base?.rare.get(label);
          // Already below a floor at base, and no rarer now (relative to the largest label).
          const existing = base && was !== undefined && n / top >= was / base.top[1] - 1e-9 && n >= Math.min(was, options.min_per_label);
          const atBase = scan.base ? ` (${scan.base.labelCounts[label] ?? 0} on the base branch)` : "";
          return {
            path: scan.path,
            line: scan.labelLines[label],
            message:
              n < options.min_per_label
                ? `Label "${label}" has ${n} example${n === 1 ? "" : "s"} in ${scan.path}${atBase}, fewer than ${options.min_per_label}; the largest, "${topLabel}", has ${top}.`
                : `Label "${label}" has ${n} example${n === 1 ? "" : "s"} in ${scan.path}${atBase}, ${percent(n, top)} of the largest label "${topLabel}" (${top}); the floor is ${percent(options.min_ratio, 1)}.`,
            ...(base !== undefined && { introduced: !existing }),
          };
        });
    }),
);
