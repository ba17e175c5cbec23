import { describe, it, expect } from "@jest/globals";
import { OUTPUT_FORMATS, PATTERN_NAMES, isOutputFormat, renderJson, renderMarkdown, renderReview, renderSarif, renderText } from "../../src/render/index.js";
import { review, rules } from "../fixtures/review-fixture.js";

describe("renderReview", () => {
  it("dispatches to each renderer", () => {
    expect(renderReview("json", review, rules)).toBe(renderJson(review));
    expect(renderReview("text", review, rules, { text: { color: true } })).toBe(renderText(review, { color: true }));
    expect(renderReview("markdown", review, rules, { markdown: { marker: "<!-- m -->" } })).toBe(renderMarkdown(review, { marker: "<!-- m -->" }));
    expect(renderReview("sarif", review, rules, { sarif: { toolVersion: "1.2.3" } })).toBe(renderSarif(review, rules, { toolVersion: "1.2.3" }));
  });

  it("knows its formats", () => {
    expect(OUTPUT_FORMATS).toEqual(["text", "markdown", "json", "sarif"]);
    expect(isOutputFormat("sarif")).toBe(true);
    expect(isOutputFormat("html")).toBe(false);
  });

  it("names the seven patterns and review setup", () => {
    expect(Object.keys(PATTERN_NAMES)).toHaveLength(8);
    expect(PATTERN_NAMES[0]).toBe("Review setup");
    expect(PATTERN_NAMES[5]).toBe("Business logic stays out of the weights");
  });
});
