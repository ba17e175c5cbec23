import { describe, it, expect } from "@jest/globals";
import { renderJson } from "../../src/render/render-json.js";
import { emptyReview, review } from "../fixtures/review-fixture.js";

describe("renderJson", () => {
  it("matches the snapshot", () => {
    expect(renderJson(review)).toMatchSnapshot();
  });

  it("has exactly the design's keys, in order, pretty-printed with a trailing newline", () => {
    const out = renderJson(review);
    expect(out.endsWith("}\n")).toBe(true);
    expect(out.startsWith('{\n  "version": 1,')).toBe(true);
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["version", "base", "head", "conclusion", "artifacts", "findings", "datasets", "estimate", "notes"]);
    const artifacts = doc.artifacts as Record<string, unknown>[];
    expect(artifacts).toHaveLength(5);
    for (const a of artifacts) expect(Object.keys(a)).toEqual(["path", "kind", "format"]);
    const findings = doc.findings as Record<string, unknown>[];
    expect(findings).toHaveLength(review.findings.length);
    const allowed = ["ruleId", "pattern", "severity", "title", "message", "remediation", "path", "line", "endLine", "introduced", "waived"];
    for (const f of findings) expect(typeof f.introduced).toBe("boolean");
    for (const f of findings) for (const k of Object.keys(f)) expect(allowed).toContain(k);
  });

  it("includes optional keys only where they apply and never evidence", () => {
    const findings = (JSON.parse(renderJson(review)) as { findings: Record<string, unknown>[] }).findings;
    expect(findings[0]).toEqual({
      ruleId: "dataset-format",
      pattern: 2,
      severity: "error",
      title: "Dataset record does not match its format",
      message: "Line 5 is not valid JSON: Unexpected token } in JSON at position 41.",
      remediation: expect.any(String),
      path: "data/train.jsonl",
      line: 5,
      endLine: 5,
      introduced: true,
    });
    const noPath = findings.find((f) => f.ruleId === "alternatives-considered");
    expect(noPath && Object.keys(noPath)).toEqual(["ruleId", "pattern", "severity", "title", "message", "remediation", "introduced"]);
    const pathOnly = findings.find((f) => f.ruleId === "ownership");
    expect(pathOnly).not.toHaveProperty("line");
    expect(findings.some((f) => "evidence" in f)).toBe(false);
  });

  it("omits notes when there are none", () => {
    const doc = JSON.parse(renderJson(emptyReview)) as Record<string, unknown>;
    expect(doc).toEqual({
      version: 1,
      base: emptyReview.base,
      head: emptyReview.head,
      conclusion: "success",
      artifacts: [],
      findings: [],
      datasets: [],
      estimate: {},
    });
  });
});
