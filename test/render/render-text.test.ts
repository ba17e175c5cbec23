import { describe, it, expect } from "@jest/globals";
import { renderText } from "../../src/render/render-text.js";
import { MASKED_KEY, cleanReview, emptyReview, review } from "../fixtures/review-fixture.js";

describe("renderText", () => {
  it("matches the snapshot", () => {
    expect(renderText(review)).toMatchSnapshot();
  });

  it("starts with the header line", () => {
    const first = renderText(review).split("\n")[0];
    expect(first).toBe("finetune-review: failure — 4 errors, 3 warnings, 1 notice in 5 artifacts (base 3f9a1c2..head def5678)");
  });

  it("lists findings by pattern with location, fix and evidence", () => {
    const out = renderText(review);
    expect(out).toContain("  error    dataset-format  data/train.jsonl:5  Line 5 is not valid JSON");
    expect(out).toContain("    fix: Fix or remove the record");
    expect(out).toContain("      · 2024-05-02 a1b2c3d: +refund_partial");
    expect(out).toContain("  error    eval-leakage  data/eval.jsonl:14-19  ");
    expect(out).toContain("  warning  alternatives-considered  The proposal names no alternative");
    expect(out).toContain(MASKED_KEY);
    expect(out.indexOf("1. The task boundary is stable")).toBeLessThan(out.indexOf("2. Data quality"));
    expect(out.indexOf("2. Data quality")).toBeLessThan(out.indexOf("7. Cheaper, reversible"));
  });

  it("states a rule's fix once after a run of its findings", () => {
    const f = review.findings[0]!;
    const run = {
      ...review,
      findings: [
        { ...f, line: 1 },
        { ...f, line: 2 },
        { ...f, line: 3 },
      ],
    };
    const out = renderText(run);
    expect(out.match(/ {4}fix: /g)).toHaveLength(1);
    expect(out.indexOf("fix: ")).toBeGreaterThan(out.indexOf(`${f.path}:3`));
  });

  it("has no ANSI codes unless asked, and colors severities when asked", () => {
    expect(renderText(review)).not.toContain("\u001b[");
    const colored = renderText(review, { color: true });
    expect(colored).toContain("\u001b[31merror  \u001b[39m");
    expect(colored).toContain("\u001b[33mwarning\u001b[39m");
  });

  it("neutralises control characters from data", () => {
    const hostile = {
      ...review,
      findings: [{ ...review.findings[0]!, message: "bad \u001b[2J line" }],
    };
    const out = renderText(hostile);
    expect(out).not.toContain("\u001b");
    expect(out).toContain("bad \\x1b[2J line");
  });

  it("says when no artifacts changed, and when there are no findings", () => {
    expect(renderText(emptyReview)).toContain("No fine-tuning artifacts changed.");
    expect(renderText(emptyReview)).toMatchSnapshot();
    expect(renderText(cleanReview)).toContain("No findings: this proposal follows the seven patterns.");
  });
});
