import { describe, expect, it } from "@jest/globals";
import { defaultConfig } from "../src/config/load-config.js";
import { ruleRegistry } from "../src/rules/registry.js";
import { capPerFile, capResults, conclude, runRules, toFindings } from "../src/run-rules.js";
import type { Finding, ReviewInput, Rule, RuleResult } from "../src/types.js";

function input(over: Partial<ReviewInput> = {}): ReviewInput {
  return {
    base: "a".repeat(40),
    head: "b".repeat(40),
    headDate: new Date("2026-03-01T00:00:00Z"),
    config: defaultConfig(),
    changed: [{ path: "data/train.jsonl", status: "added" }],
    artifacts: [{ path: "data/train.jsonl", kind: "dataset", format: "classification", status: "added" }],
    proposal: [],
    datasets: [],
    labelSchemas: [],
    owners: [],
    headFiles: ["data/train.jsonl"],
    evalFiles: [],
    contextConfigs: [],
    waivers: { entries: [], problems: [] },
    notes: [],
    proposes: false,
    ...over,
  };
}

const rule = (id: string, check: Rule["check"], proposal = true): Rule => ({
  meta: { ...ruleRegistry.get(id)!.meta, proposal },
  check,
});

describe("runRules", () => {
  it("keeps every one of 200k results when asked uncapped (for waivers), without failing the rule", () => {
    const many = rule("dataset-duplicates", () =>
      Array.from({ length: 200_000 }, (_, i) => ({ path: "data/train.jsonl", line: i + 1, message: `Line ${i + 1} repeats.` })),
    );
    const findings = runRules([many], input(), { uncapped: true });
    expect(findings).toHaveLength(200_000);
    expect(findings.some((f) => f.title.endsWith("(rule failed)"))).toBe(false);
  });

  it("turns a rule that throws into one finding tagged with its id, and runs the others", () => {
    const boom = rule("dataset-size", () => {
      throw new Error("boom");
    });
    const ok = rule("dataset-balance", () => [{ path: "data/train.jsonl", line: 3, message: "Label x is rare." }]);
    const findings = runRules([boom, ok], input());
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["dataset-balance", "warning"],
      ["dataset-size", "warning"],
    ]);
    expect(findings.find((f) => f.ruleId === "dataset-size")!.message).toMatch(/failed and was skipped: boom\. The other rules ran/);
  });

  it("applies the repo config: disabled rules do not run, severities and options are overridden", () => {
    const config = defaultConfig();
    config.rules["dataset-balance"] = { ...config.rules["dataset-balance"]!, enabled: false };
    config.rules["dataset-size"] = { ...config.rules["dataset-size"]!, severity: "error", min_examples: 7 };
    const seen: unknown[] = [];
    const size = rule("dataset-size", (_input, options) => (seen.push(options.min_examples), [{ message: "Too few." }]));
    const balance = rule("dataset-balance", () => [{ message: "never" }]);
    const findings = runRules([size, balance], input({ config }));
    expect(seen).toEqual([7]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["dataset-size", "error"]]);
  });

  it("keeps proposal rules quiet when only infrastructure changed", () => {
    const proposalRule = rule("alternatives-considered", () => [{ message: "x" }]);
    const ownership = rule("ownership", () => [{ message: "y", path: "ds.json" }], false);
    const infra = input({
      artifacts: [
        {
          path: "ds.json",
          kind: "training-config",
          format: "deepspeed",
          status: "added",
          config: { framework: "deepspeed", usesAdapter: null, referencesEval: false, datasetPaths: [], evalPaths: [], infrastructure: true },
        },
      ],
    });
    expect(runRules([proposalRule, ownership], infra).map((f) => f.ruleId)).toEqual(["ownership"]);
  });

  it("rejects a malformed finding at the boundary (as a contained rule failure)", () => {
    const bad = rule("dataset-format", () => [{ message: "x", line: 0 }]);
    const [finding] = runRules([bad], input());
    expect(finding!.message).toMatch(/malformed finding: line/);
  });
});

describe("capPerFile", () => {
  it("keeps the first N per file and adds one finding that counts the rest", () => {
    const f = (line: number, path = "a.jsonl"): Finding => ({
      ruleId: "dataset-format",
      pattern: 2,
      severity: "error",
      title: "t",
      message: `m${line}`,
      path,
      line,
    });
    const capped = capPerFile([...Array.from({ length: 25 }, (_, i) => f(i + 1)), f(1, "b.jsonl")], 20);
    expect(capped).toHaveLength(22);
    expect(capped[20]).toMatchObject({
      path: "a.jsonl",
      severity: "error",
      message: "…and 5 more dataset-format finding(s) in a.jsonl (lines 21, 22, 23, 24, 25).",
    });
    expect(capped[20]!.line).toBeUndefined();
  });

  it("caps waived findings apart, so accepted findings never take the places of counted ones", () => {
    const waived = { reason: "r", approved_by: "@acme/ml", expires: "2027-01-01" };
    const f = (line: number, w = false): Finding => ({
      ruleId: "dataset-format",
      pattern: 2,
      severity: "error",
      title: "t",
      message: `m${line}`,
      path: "a.jsonl",
      line,
      ...(w && { waived }),
    });
    const capped = capPerFile([...Array.from({ length: 22 }, (_, i) => f(i + 1, true)), ...Array.from({ length: 3 }, (_, i) => f(30 + i))], 20);
    expect(capped.filter((x) => !x.waived).map((x) => x.line)).toEqual([30, 31, 32]);
    expect(capped.filter((x) => x.waived)).toHaveLength(21);
    expect(capped.find((x) => x.waived && x.line === undefined)?.message).toMatch(/^…and 2 more dataset-format finding\(s\) in a\.jsonl/);
  });
});

describe("capResults", () => {
  it("gives what stamping every result and capping per file gives, stamping only the kept ones", () => {
    const dup = ruleRegistry.get("dataset-duplicates")!;
    // Over the cap in one file, new and existing apart, a second file under it, severities and lines mixed.
    const results: RuleResult[] = [
      ...Array.from({ length: 40 }, (_, i): RuleResult => ({ path: "a.jsonl", line: i + 2, endLine: i + 2, message: `m${i}`, introduced: i % 3 !== 0 })),
      { path: "a.jsonl", message: "no line", introduced: true, severity: "error" },
      ...Array.from({ length: 5 }, (_, i): RuleResult => ({ path: "b.jsonl", line: i + 1, message: `b${i}`, evidence: ["e"] })),
      { message: "no path", severity: "notice" },
    ];
    for (const settings of [undefined, { severity: "notice" as const }]) {
      for (const cap of [0, 1, 5, 20, 100]) {
        expect(capResults(dup, results, cap, settings)).toEqual(capPerFile(toFindings(dup, results, settings), cap));
      }
    }
  });
});

describe("conclude", () => {
  const at = (severity: Finding["severity"]): Finding => ({ ruleId: "x", pattern: 2, severity, title: "t", message: "m" });
  it.each([
    ["error", [], "success"],
    ["error", ["notice"], "success"],
    ["error", ["warning"], "neutral"],
    ["error", ["error"], "failure"],
    ["warning", ["warning"], "failure"],
    ["warning", ["notice"], "success"],
    ["never", ["error"], "neutral"],
    ["never", ["notice"], "success"],
  ] as const)("fail_on %s with %j -> %s", (failOn, severities, expected) => {
    expect(conclude(severities.map(at), failOn)).toBe(expected);
  });
});
