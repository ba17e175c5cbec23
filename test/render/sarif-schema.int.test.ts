/**
 * The `sarif` output validates against the OASIS SARIF 2.1.0 JSON Schema (the final rtm.5 text,
 * as shipped in @microsoft/jest-sarif), for the renderer and for the CLI as a process.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "@jest/globals";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { renderReview } from "../../src/render/index.js";
import { ruleMetas } from "../../src/rules/registry.js";
import type { Review } from "../../src/types.js";
import { emptyReview, review } from "../fixtures/review-fixture.js";
import { GOOD, reviewScenario } from "../helpers/proposal-scenario.js";

const require = createRequire(import.meta.url);
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as Record<string, unknown>;

// Both packages are CommonJS whose module object is also its own `default`, the form NodeNext types.
// The schema is draft-04 and one of its `pattern`s is not a valid unicode-mode RegExp, hence both options.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(text: string): void {
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe("SARIF 2.1.0 schema", () => {
  it("is a real validator: it rejects a log whose result has no message", () => {
    const log = { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "r" }] }] };
    expect(validate(log)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: "required", params: { missingProperty: "message" } }));
  });

  it("accepts a review with findings across patterns, with every real rule's descriptor", () => {
    const text = renderReview("sarif", review, ruleMetas, {
      sarif: { toolVersion: "0.2.0", informationUri: "https://github.com/finetune-review/finetune-review" },
    });
    expectValid(text);
    expect(JSON.parse(text).runs[0].results.length).toBe(review.findings.length);
  });

  it("accepts an empty review, and findings of rules it has no metadata for, with awkward paths", () => {
    expectValid(renderReview("sarif", emptyReview, ruleMetas));
    const odd: Review = {
      ...review,
      findings: [
        { ruleId: "review-failed", pattern: 4, severity: "error", title: "The review could not run", message: "GitHub answered 502." },
        { ...review.findings[0]!, path: "data/ünïcode dir/train #1?.jsonl", line: 3, endLine: 2 },
      ],
    };
    expectValid(renderReview("sarif", odd, ruleMetas));
  });

  it("accepts baselineState on new and existing findings, and sets it from `introduced`", () => {
    const mixed: Review = { ...review, findings: review.findings.map((f, i) => ({ ...f, introduced: i % 2 === 0 })) };
    const text = renderReview("sarif", mixed, ruleMetas);
    expectValid(text);
    const states = (JSON.parse(text) as { runs: { results: { baselineState: string }[] }[] }).runs[0]!.results.map((r) => r.baselineState);
    expect(states).toEqual(mixed.findings.map((f) => (f.introduced ? "new" : "unchanged")));
    // The schema knows the property: a value outside its enum is rejected.
    const wrong = JSON.parse(text) as { runs: { results: { baselineState: string }[] }[] };
    wrong.runs[0]!.results[0]!.baselineState = "brand-new";
    expect(validate(wrong)).toBe(false);
  });

  it("accepts what the CLI prints with --format sarif for a failing proposal", async () => {
    const res = await reviewScenario({
      head: { "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"text": broken\n` },
      args: ["--format", "sarif"],
    });
    expect(res.code).toBe(1);
    expectValid(res.stdout);
    expect(JSON.parse(res.stdout).runs[0].results).toContainEqual(expect.objectContaining({ ruleId: "dataset-format", level: "error" }));
  });
});
