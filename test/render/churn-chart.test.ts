import { describe, expect, it } from "@jest/globals";
import { renderChurnCharts, renderMarkdown } from "../../src/render/render-markdown.js";
import type { Finding, Review } from "../../src/types.js";

const churn: Finding = {
  ruleId: "label-schema-churn",
  pattern: 1,
  severity: "warning",
  title: "Label schema keeps changing",
  message: "The label set of labels.yaml changed 3 times in the 90 days before 2026-03-01 (more than 2).",
  path: "labels.yaml",
};

const review = (findings: Finding[]): Review => ({
  base: "a".repeat(40),
  head: "b".repeat(40),
  conclusion: "neutral",
  artifacts: [{ path: "labels.yaml", kind: "label-schema", format: "label-list", status: "modified" }],
  findings,
  notes: [],
  labelHistory: [
    {
      path: "labels.yaml",
      points: [
        { date: "2026-01-10T10:00:00.000Z", sha: "1".repeat(40), count: 3 },
        { date: "2026-02-01T10:00:00.000Z", sha: "2".repeat(40), count: 4 },
        { date: "2026-03-01T10:00:00.000Z", sha: "3".repeat(40), count: 2 },
      ],
    },
  ],
});

describe("the label churn chart", () => {
  it("draws the label-set size over time as a Mermaid chart under pattern 1 when churn was flagged", () => {
    const md = renderMarkdown(review([churn]));
    expect(renderChurnCharts(review([churn]))).toEqual([
      "",
      "```mermaid",
      "xychart-beta",
      '    title "Labels in labels.yaml over time"',
      '    x-axis ["2026-01-10", "2026-02-01", "2026-03-01"]',
      '    y-axis "labels" 0 --> 5',
      "    line [3, 4, 2]",
      "```",
    ]);
    expect(md.indexOf("```mermaid")).toBeGreaterThan(md.indexOf("label-schema-churn"));
  });

  it("draws nothing when the labels did not churn", () => {
    expect(renderMarkdown(review([]))).not.toContain("mermaid");
    expect(renderChurnCharts(review([{ ...churn, ruleId: "label-schema-change" }]))).toEqual([]);
  });
});
