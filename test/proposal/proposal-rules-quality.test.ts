import { describe, expect, it } from "@jest/globals";
import { ruleRegistry } from "../../src/rules/registry.js";
import type { ReviewInput } from "../../src/types.js";
import { labelled, type Labelled } from "./labelled-proposals.js";

const input = (text: string): ReviewInput => ({ proposal: [{ text }], proposes: true }) as unknown as ReviewInput;
const fires = (id: string, text: string): boolean => ruleRegistry.get(id)!.check(input(text), {} as never).length > 0;

const cases: [string, "reasoning" | "latency" | "alternatives", number, number][] = [
  ["reasoning-fix", "reasoning", 0.9, 0.6],
  ["latency-budget", "latency", 0.9, 0.8],
  ["alternatives-considered", "alternatives", 0.9, 0.8],
];

describe("proposal rules on the labelled corpus", () => {
  it("has at least 150 texts", () => expect(labelled.length).toBeGreaterThanOrEqual(150));

  it.each(cases)("%s meets its precision and recall floors", (id, label, pFloor, rFloor) => {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    for (const l of labelled) {
      const got = fires(id, l.text);
      if (got && l[label]) tp++;
      else if (got) (fp++, misses.push(`FP: ${l.text}`));
      else if (l[label]) (fn++, misses.push(`FN: ${l.text}`));
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(`${id}: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}, n ${labelled.length})\n${[...new Set(misses)].slice(0, 12).join("\n---\n")}`);
    expect(precision).toBeGreaterThanOrEqual(pFloor);
    expect(recall).toBeGreaterThanOrEqual(rFloor);
  });
});
