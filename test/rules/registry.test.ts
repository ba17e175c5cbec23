import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { ruleMetas, ruleRegistry } from "../../src/rules/registry.js";

const DESIGN_RULE_IDS = [
  "label-schema-churn", "label-schema-change", "dataset-format", "dataset-duplicates", "dataset-balance", "dataset-size",
  "dataset-length", "dataset-sensitive", "reasoning-fix", "latency-budget", "eval-suite", "eval-leakage", "eval-coverage",
  "business-rules-in-data", "ownership", "alternatives-considered", "full-finetune", "config-references", "config-invalid",
  "artifact-unreadable",
  // DESIGN.md, "Rule ids added after the first release".
  "hub-unpinned",
  "waiver-invalid",
  "training-budget",
];

describe("the rule registry", () => {
  it("holds exactly the design's rule ids, sorted", () => {
    expect([...ruleRegistry.keys()]).toEqual([...DESIGN_RULE_IDS].sort());
  });

  it("has one metadata file and one module per rule", () => {
    const files = readdirSync(new URL("../../rules/", import.meta.url)).filter((f) => f.endsWith(".yml") && f !== "detection.yml");
    expect(files.map((f) => f.replace(/\.yml$/, "")).sort()).toEqual([...DESIGN_RULE_IDS].sort());
    const modules = readdirSync(new URL("../../src/rules/", import.meta.url));
    for (const id of DESIGN_RULE_IDS) expect(modules).toContain(`${id}.ts`);
  });

  it("gives every rule a pattern, rationale and remediation in a sentence each", () => {
    for (const meta of ruleMetas) {
      expect(meta.rationale).toMatch(/\.$/);
      expect(meta.remediation).toMatch(/\.$/);
      expect(meta.checks.length).toBeGreaterThan(20);
      expect(meta.pattern === 0).toBe(["config-invalid", "artifact-unreadable", "waiver-invalid"].includes(meta.id));
    }
  });

  it("keeps the README's rule reference in sync with rules/*.yml (npm run docs regenerates it)", async () => {
    const { readmeWithRules } = (await import(new URL("../../scripts/rule-docs.mjs", import.meta.url).href)) as { readmeWithRules: (s: string) => string };
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readmeWithRules(readme)).toBe(readme);
  });
});

describe("the rule tables", () => {
  it("give every rule a table-driven in-process test (test/helpers/rule-tester.ts)", () => {
    const dir = new URL("./", import.meta.url);
    const text = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(new URL(f, dir), "utf8"))
      .join("\n");
    const tested = [...text.matchAll(/ruleTester\("([a-z-]+)"/g)].map((m) => m[1]).sort();
    expect(tested).toEqual([...DESIGN_RULE_IDS].sort());
  });
});
