/** Every rule option's bounds, as the repo config enforces them (the schema is the rule module's). */
import { describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { defaultConfig, parseRepoConfig } from "../../src/config/load-config.js";
import { ruleRegistry } from "../../src/rules/registry.js";

/** Each option with values out of its range and the hint the problem must give. */
const OUT_OF_RANGE: Record<string, Record<string, [unknown, RegExp][]>> = {
  "business-rules-in-data": {
    max_share: [
      [1.5, /at most 1/],
      [-0.1, /at least 0/],
    ],
    min_matches: [
      [0, /at least 1/],
      [2.5, /whole number/],
    ],
  },
  "dataset-balance": {
    min_ratio: [[5, /at most 1/]],
    min_per_label: [
      [2.5, /whole number/],
      [0, /at least 1/],
    ],
  },
  "dataset-duplicates": {
    max_ratio: [[2, /at most 1/]],
    near_threshold: [
      [40, /at most 1/],
      [-1, /at least 0/],
    ],
  },
  "dataset-format": {
    max_findings: [
      [0, /at least 1/],
      [1.5, /whole number/],
    ],
  },
  "dataset-length": {
    max_tokens: [
      [0, /at least 1/],
      [10.5, /whole number/],
    ],
  },
  "dataset-sensitive": { max_findings: [[0, /at least 1/]] },
  "dataset-size": {
    min_examples: [
      [0, /at least 1/],
      [99.5, /whole number/],
    ],
  },
  "eval-leakage": { near_threshold: [[1.01, /at most 1/]], max_findings: [[-3, /at least 1/]] },
  "label-schema-churn": {
    window_days: [
      [0, /at least 1/],
      [1.5, /whole number/],
    ],
    max_changes: [[-1, /at least 0/]],
  },
  "training-budget": {
    max_usd: [[-1, /at least 0/]],
    max_trained_tokens: [
      [-5, /at least 0/],
      [1.5, /whole number/],
    ],
  },
};

describe("rule options", () => {
  it("are listed here for every rule that has options, key for key", () => {
    const declared = Object.fromEntries(
      [...ruleRegistry.values()].filter((r) => Object.keys(r.meta.options).length).map((r) => [r.meta.id, Object.keys(r.meta.options).sort()]),
    );
    expect(declared).toEqual(Object.fromEntries(Object.entries(OUT_OF_RANGE).map(([id, keys]) => [id, Object.keys(keys).sort()])));
  });

  it("have a schema in their rule module that their yml defaults pass", () => {
    for (const rule of ruleRegistry.values()) {
      expect(rule.options?.safeParse(rule.meta.options).success).toBe(true);
      expect(defaultConfig().rules[rule.meta.id]).toEqual({ enabled: true, ...rule.meta.options });
    }
  });

  for (const [id, keys] of Object.entries(OUT_OF_RANGE)) {
    for (const [key, cases] of Object.entries(keys)) {
      for (const [value, hint] of cases) {
        it(`reject rules.${id}.${key}: ${JSON.stringify(value)}, naming the key, its line and the fix`, () => {
          const parsed = parseRepoConfig(stringify({ fail_on: "error", rules: { [id]: { [key]: value } } }));
          expect(parsed.ok).toBe(false);
          if (parsed.ok) return;
          expect(parsed.problems).toHaveLength(1);
          expect(parsed.problems[0]).toEqual({ keyPath: `rules.${id}.${key}`, line: 4, message: expect.stringMatching(hint) });
        });
      }
    }
  }

  it("accept values at the ends of their ranges", () => {
    const parsed = parseRepoConfig(
      stringify({ rules: { "dataset-duplicates": { max_ratio: 0, near_threshold: 1 }, "label-schema-churn": { window_days: 1, max_changes: 0 } } }),
    );
    expect(parsed.ok).toBe(true);
  });
});
