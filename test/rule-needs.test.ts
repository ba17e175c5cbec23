/** The engine gathers what rules declare they need, and never names a rule to find it out. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { defaultConfig, parseRepoConfig } from "../src/config/load-config.js";
import { duplicateThresholdOf, historyDaysOf, invalidConfigFindings, needsBaseConfig, scanLexiconOf } from "../src/rule-needs.js";
import { ruleList } from "../src/rules/registry.js";
import type { Rule } from "../src/types.js";

const config = (yaml: string) => {
  const parsed = parseRepoConfig(yaml);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.config;
};

describe("rule needs", () => {
  it("reads as much label history as the enabled rules ask for, and none when no rule asks", () => {
    expect(historyDaysOf(ruleList, defaultConfig())).toBe(90);
    expect(historyDaysOf(ruleList, config("rules:\n  label-schema-churn: { window_days: 200 }\n"))).toBe(200);
    expect(historyDaysOf(ruleList, config("rules:\n  label-schema-churn: { enabled: false }\n"))).toBe(0);
  });

  it("states the diff's duplicate ratio at the threshold a rule declares, else the fallback", () => {
    expect(duplicateThresholdOf(ruleList, config("rules:\n  dataset-duplicates: { near_threshold: 0.9 }\n"), 0.5)).toBe(0.9);
    expect(duplicateThresholdOf([], defaultConfig(), 0.5)).toBe(0.5);
  });

  it("merges the scan lexicons the rules declare: secrets, PII and business-rule phrases", () => {
    const lexicon = scanLexiconOf(ruleList);
    expect(lexicon.sensitive.map((p) => p.kind)).toEqual(expect.arrayContaining(["openai-api-key", "email", "phone"]));
    expect(lexicon.businessRules.length).toBeGreaterThan(5);
    expect(scanLexiconOf(ruleList)).toBe(lexicon);
    const only: Rule[] = ruleList.filter((r) => r.needs?.scanLexicon?.businessRules);
    expect(scanLexiconOf(only).sensitive).toEqual([]);
  });

  it("reads a modified config's base version only for an enabled rule that compares with it", () => {
    expect(needsBaseConfig(ruleList, defaultConfig())).toBe(true);
    expect(needsBaseConfig(ruleList, config("rules:\n  hub-unpinned: { enabled: false }\n  full-finetune: { enabled: false }\n"))).toBe(false);
    expect(needsBaseConfig(ruleList, config("rules:\n  hub-unpinned: { enabled: false }\n"))).toBe(true);
  });

  it("turns an invalid base config into the findings of the rule that reports it", () => {
    const findings = invalidConfigFindings(ruleList, ".github/finetune-review.yml", [{ keyPath: "fail_on", line: 1, message: "set it to one of: error" }]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "config-invalid",
        severity: "error",
        line: 1,
        message: ".github/finetune-review.yml:1: `fail_on`: set it to one of: error",
      }),
    ]);
  });

  it("the engine's modules name no rule id", () => {
    // `eval-suite` is an artifact kind too, which the engine does name.
    const ids = ruleList.map((r) => r.meta.id).filter((id) => id !== "eval-suite");
    for (const file of ["review.ts", "build-input.ts", "run-rules.ts", "rule-needs.ts", "scan-lexicon.ts"]) {
      const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const id of ids) expect({ file, names: text.includes(`"${id}"`) }).toEqual({ file, names: false });
    }
  });
});
