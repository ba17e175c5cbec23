import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadEnglishModel } from "../../src/proposal/english-model.js";
import { ruleRegistry } from "../../src/rules/registry.js";
import type { ReviewInput } from "../../src/types.js";
import {
  heldOut,
  heldOutEighth,
  heldOutFifth,
  heldOutFourth,
  heldOutNinth,
  heldOutSecond,
  heldOutSeventh,
  heldOutSixth,
  heldOutThird,
} from "./held-out-proposals.js";
import { heldOutEleventh, heldOutTenth } from "./blind-proposals.js";
import { heldOutThirteenth, heldOutTwelfth } from "./final-blind-proposals.js";
import { handWritten, labelled, type Labelled } from "./labelled-proposals.js";

beforeAll(() => loadEnglishModel());

const input = (text: string): ReviewInput => ({ proposal: [{ text }], proposes: true }) as unknown as ReviewInput;
const fires = (id: string, text: string): boolean => ruleRegistry.get(id)!.check(input(text), {}).length > 0;

const cases: [string, "reasoning" | "latency" | "alternatives", number, number][] = [
  ["reasoning-fix", "reasoning", 0.9, 0.6],
  ["latency-budget", "latency", 0.9, 0.8],
  ["alternatives-considered", "alternatives", 0.9, 0.8],
];

/** Texts of the blind sets: their figures are printed, never the texts they miss. */
const blindTexts = new Set([...heldOutTwelfth, ...heldOutThirteenth].map((l) => l.text));

function measure(id: string, label: "reasoning" | "latency" | "alternatives", set: Labelled[], name: string) {
  let tp = 0,
    fp = 0,
    fn = 0;
  const misses: string[] = [];
  for (const l of set) {
    const got = fires(id, l.text);
    if (got && l[label]) tp++;
    else if (got) {
      fp++;
      misses.push(`FP: ${l.text}`);
    } else if (l[label]) {
      fn++;
      misses.push(`FN: ${l.text}`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(
    `${name} ${id}: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}, n ${set.length})\n${[...new Set(misses.filter((m) => !blindTexts.has(m.slice(4))))].slice(0, 40).join("\n---\n")}`,
  );
  return { precision, recall };
}

const allHeldOut = [
  ...heldOut,
  ...heldOutSecond,
  ...heldOutThird,
  ...heldOutFourth,
  ...heldOutFifth,
  ...heldOutSixth,
  ...heldOutSeventh,
  ...heldOutEighth,
  ...heldOutNinth,
  ...heldOutTenth,
  ...heldOutEleventh,
  ...heldOutTwelfth,
  ...heldOutThirteenth,
];

describe("proposal rules on the held-out texts", () => {
  it.each(cases)("%s: figures on each part of the corpus", (id, label) => {
    for (const [name, set] of [
      ["held-out 1", heldOut],
      ["held-out 2", heldOutSecond],
      ["held-out 3", heldOutThird],
      ["held-out 4", heldOutFourth],
      ["held-out 5", heldOutFifth],
      ["held-out 6", heldOutSixth],
      ["held-out 7", heldOutSeventh],
      ["held-out 8", heldOutEighth],
      ["held-out 9", heldOutNinth],
      ["held-out 10", heldOutTenth],
      ["held-out 11", heldOutEleventh],
      ["held-out 12", heldOutTwelfth],
      ["held-out 13", heldOutThirteenth],
      ["hand-written", handWritten],
    ] as const) {
      expect(measure(id, label, set, name).precision).toBeGreaterThan(0);
    }
  });

  // The targets on sets 12 and 13: written on 2026-12-04 by someone who never read the rules or the other
  // sets, committed before they were run, measured once after the last change they could have informed and never
  // used to adjust a rule. These are the honest figures (0.91 / 0.79, 0.97 / 1.00, 0.94 / 1.00 when measured;
  // reasoning-fix 0.91 / 0.77 after the false-positive fixes a second reader's sound proposals asked for).
  it.each(cases)("%s meets the issue's targets on the blind sets 12 and 13", (id, label, pFloor, rFloor) => {
    const { precision, recall } = measure(id, label, [...heldOutTwelfth, ...heldOutThirteenth], "held-out 12+13 (blind)");
    expect(precision).toBeGreaterThanOrEqual(pFloor);
    expect(recall).toBeGreaterThanOrEqual(rFloor);
  });

  // The targets on all thirteen held-out sets together; sets 1 to 11 were each fitted after they were measured blind,
  // so these figures flatter the rules.
  it.each(cases)("%s meets the issue's targets on all held-out texts", (id, label, pFloor, rFloor) => {
    const { precision, recall } = measure(id, label, allHeldOut, "held-out (all)");
    expect(precision).toBeGreaterThanOrEqual(pFloor);
    expect(recall).toBeGreaterThanOrEqual(rFloor);
  });

  // Each set's figures as measured now (rounded down), so no change loses ground on one set while the totals hold.
  // First blind figures, before any change for the set: reasoning-fix recall 0.11, 0.47, 0.33, 0.33, 0.17, 0.50,
  // 0.56, 0.68 on sets 4 to 11; sets 12 and 13 were measured blind once, at these floors.
  const setFloors: [string, string, Labelled[], "reasoning" | "latency" | "alternatives", number, number][] = [
    ["held-out 4", "reasoning-fix", heldOutFourth, "reasoning", 1, 1],
    ["held-out 4", "latency-budget", heldOutFourth, "latency", 1, 1],
    ["held-out 4", "alternatives-considered", heldOutFourth, "alternatives", 1, 1],
    ["held-out 5", "reasoning-fix", heldOutFifth, "reasoning", 1, 1],
    ["held-out 5", "latency-budget", heldOutFifth, "latency", 1, 1],
    ["held-out 5", "alternatives-considered", heldOutFifth, "alternatives", 1, 1],
    ["held-out 6", "reasoning-fix", heldOutSixth, "reasoning", 1, 1],
    ["held-out 6", "latency-budget", heldOutSixth, "latency", 1, 1],
    ["held-out 6", "alternatives-considered", heldOutSixth, "alternatives", 1, 1],
    ["held-out 7", "reasoning-fix", heldOutSeventh, "reasoning", 1, 0.91],
    ["held-out 7", "latency-budget", heldOutSeventh, "latency", 1, 1],
    ["held-out 7", "alternatives-considered", heldOutSeventh, "alternatives", 1, 1],
    ["held-out 8", "reasoning-fix", heldOutEighth, "reasoning", 1, 0.66],
    ["held-out 8", "latency-budget", heldOutEighth, "latency", 1, 1],
    ["held-out 8", "alternatives-considered", heldOutEighth, "alternatives", 1, 1],
    ["held-out 9", "reasoning-fix", heldOutNinth, "reasoning", 1, 0.64],
    ["held-out 9", "latency-budget", heldOutNinth, "latency", 1, 1],
    ["held-out 9", "alternatives-considered", heldOutNinth, "alternatives", 1, 1],
    ["held-out 10", "reasoning-fix", heldOutTenth, "reasoning", 1, 0.96],
    ["held-out 10", "latency-budget", heldOutTenth, "latency", 0.97, 1],
    ["held-out 10", "alternatives-considered", heldOutTenth, "alternatives", 1, 0.97],
    ["held-out 11", "reasoning-fix", heldOutEleventh, "reasoning", 1, 0.84],
    ["held-out 11", "latency-budget", heldOutEleventh, "latency", 1, 1],
    ["held-out 11", "alternatives-considered", heldOutEleventh, "alternatives", 0.97, 0.97],
    ["held-out 12", "reasoning-fix", heldOutTwelfth, "reasoning", 0.92, 0.88],
    ["held-out 12", "latency-budget", heldOutTwelfth, "latency", 0.97, 1],
    ["held-out 12", "alternatives-considered", heldOutTwelfth, "alternatives", 0.95, 1],
    ["held-out 13", "reasoning-fix", heldOutThirteenth, "reasoning", 0.9, 0.66],
    ["held-out 13", "latency-budget", heldOutThirteenth, "latency", 0.96, 1],
    ["held-out 13", "alternatives-considered", heldOutThirteenth, "alternatives", 0.91, 1],
  ];
  it.each(setFloors)("%s: %s holds its measured floors", (name, id, set, label, pFloor, rFloor) => {
    const { precision, recall } = measure(id, label, set, name);
    expect(precision).toBeGreaterThanOrEqual(pFloor);
    expect(recall).toBeGreaterThanOrEqual(rFloor);
  });
});

describe("proposal rules on the labelled corpus", () => {
  it("has at least 150 texts", () => expect(labelled.length).toBeGreaterThanOrEqual(150));

  it.each(cases)("%s meets its precision and recall floors", (id, label, pFloor, rFloor) => {
    const { precision, recall } = measure(id, label, labelled, "corpus");
    expect(precision).toBeGreaterThanOrEqual(pFloor);
    expect(recall).toBeGreaterThanOrEqual(rFloor);
  });
});
