import { describe, it, expect } from "@jest/globals";
import { FINGERPRINT_KEY, renderSarif, type SarifLog } from "../../src/render/render-sarif.js";
import { emptyReview, review, rules } from "../fixtures/review-fixture.js";

const parse = (s: string): SarifLog => JSON.parse(s) as SarifLog;
const sarifOpts = { toolVersion: "0.1.0", informationUri: "https://github.com/acme/finetune-review" };

describe("renderSarif", () => {
  it("matches the snapshot", () => {
    expect(renderSarif(review, rules, sarifOpts)).toMatchSnapshot();
  });

  it("is a SARIF 2.1.0 log with one run and the tool driver", () => {
    const log = parse(renderSarif(review, rules, sarifOpts));
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "finetune-review", version: "0.1.0", informationUri: sarifOpts.informationUri });
    expect(driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(driver.rules[0]).toEqual({
      id: "label-schema-churn",
      name: "LabelSchemaChurn",
      shortDescription: { text: "Label schema keeps changing" },
      fullDescription: { text: "Why label-schema-churn matters." },
      help: {
        text: "How to fix label-schema-churn.",
        markdown: "What label-schema-churn checks.\n\n**Why:** Why label-schema-churn matters.\n\n**Fix:** How to fix label-schema-churn.",
      },
      defaultConfiguration: { level: "warning" },
      properties: { pattern: 1, patternName: "The task boundary is stable", tags: ["fine-tuning"] },
    });
    expect(driver.rules.find((r) => r.id === "latency-budget")?.defaultConfiguration.level).toBe("note");
  });

  it("has one result per finding, consistent with ruleIndex, with mapped levels", () => {
    const log = parse(renderSarif(review, rules));
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(review.findings.length);
    run.results.forEach((r, i) => {
      const f = review.findings[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.level).toBe({ error: "error", warning: "warning", notice: "note" }[f.severity]);
      expect(r.message.text).toBe(
        `${f.message} Fix: ${f.remediation}${f.path === undefined ? " (This is about the pull request as a whole; it is shown at docs/PROPOSAL.md.)" : ""}`,
      );
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  it("gives regions where there are lines, a bare artifact without, and the proposal's first line without a path", () => {
    const results = parse(renderSarif(review, rules)).runs[0]!.results;
    const byRule = (id: string) => results.find((r) => r.ruleId === id)!;
    expect(byRule("dataset-format").locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "data/train.jsonl" }, region: { startLine: 5, endLine: 5 } } },
    ]);
    expect(byRule("eval-leakage").locations?.[0]?.physicalLocation.region).toEqual({ startLine: 14, endLine: 19 });
    expect(byRule("dataset-sensitive").locations?.[0]?.physicalLocation.region).toEqual({ startLine: 212 });
    expect(byRule("ownership").locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "data/train.jsonl" } } }]);
    expect(byRule("alternatives-considered").locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "docs/PROPOSAL.md" }, region: { startLine: 1 } } },
    ]);
  });

  it("gives every result a location code scanning accepts, whatever the change holds", () => {
    // upload-sarif rejects the whole file when one result has no location ("locationFromSarifResult: expected at least one location").
    const pathless = { ...review.findings[0]!, path: undefined, line: undefined, endLine: undefined };
    const anchorOf = (artifacts: typeof review.artifacts) =>
      parse(renderSarif({ ...review, artifacts, findings: [pathless] }, rules)).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(anchorOf(review.artifacts)).toBe("docs/PROPOSAL.md");
    expect(anchorOf(review.artifacts.filter((a) => a.kind !== "proposal"))).toBe("configs/qlora.yml");
    expect(anchorOf([{ ...review.artifacts[0]!, status: "removed" }, review.artifacts[1]!])).toBe("data/train.jsonl");
    expect(anchorOf([])).toBe(".github/finetune-review.yml");
    for (const r of parse(renderSarif(review, rules)).runs[0]!.results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe("");
  });

  it("keeps fingerprints stable across renders and distinct across findings", () => {
    const a = parse(renderSarif(review, rules)).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    const b = parse(renderSarif(review, rules)).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it("normalises paths to relative forward-slash URIs", () => {
    const f = { ...review.findings[0]!, path: ".\\data sets\\train#1.jsonl" };
    const log = parse(renderSarif({ ...review, findings: [f] }, rules));
    expect(log.runs[0]!.results[0]!.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe("data%20sets/train%231.jsonl");
  });

  it("adds a descriptor for a finding whose rule is not in the metadata", () => {
    const f = { ...review.findings[0]!, ruleId: "review-failed", pattern: 0 as const, remediation: undefined };
    const log = parse(renderSarif({ ...review, findings: [f] }, rules));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(rules.length + 1);
    expect(run.tool.driver.rules[run.results[0]!.ruleIndex]?.id).toBe("review-failed");
    expect(run.results[0]!.message.text).toBe(f.message);
  });

  it("renders an empty review with rules and no results", () => {
    const log = parse(renderSarif(emptyReview, rules));
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(rules.length);
  });
});
