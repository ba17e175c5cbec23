import { describe, expect, it } from "@jest/globals";
import { checkFinding, findingSchema } from "../src/finding-schema.js";
import type { Finding } from "../src/types.js";

const valid: Finding = {
  ruleId: "dataset-duplicates",
  pattern: 3,
  severity: "warning",
  title: "Duplicates",
  message: "Line 4 repeats line 2.",
  remediation: "Deduplicate.",
  path: "data/train.jsonl",
  line: 4,
  endLine: 4,
  introduced: true,
};

/** What zod alone gives for a finding: the parsed value, or the error checkFinding throws. */
function viaZod(f: unknown): { value: unknown } | { error: string } {
  const parsed = findingSchema.safeParse(f);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `rule ${(f as Finding).ruleId} produced a malformed finding: ${issue?.path.join(".")}: ${issue?.message}` };
}

function viaCheck(f: unknown): { value: unknown } | { error: string } {
  try {
    return { value: checkFinding(f as Finding) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const cases: Array<[string, unknown]> = [
  ["a full record finding", valid],
  ["the fewest keys", { ruleId: "x", pattern: 0, severity: "notice", title: "T", message: "M" }],
  ["keys out of order", { message: "M", line: 2, ruleId: "x", title: "T", severity: "error", pattern: 7, path: "a.jsonl" }],
  ["an optional key present as undefined", { ...valid, remediation: undefined, introduced: undefined }],
  ["evidence", { ...valid, evidence: ["a", "b"] }],
  ["a fingerprint and a waiver (zod's path)", { ...valid, fingerprint: "0".repeat(32), waived: { reason: "r", approved_by: "a", expires: "2026-01-01" } }],
  ["an unknown key", { ...valid, extra: 1 }],
  ["an empty message", { ...valid, message: "" }],
  ["a rule id in capitals", { ...valid, ruleId: "Dataset" }],
  ["pattern 8", { ...valid, pattern: 8 }],
  ["pattern 1.5", { ...valid, pattern: 1.5 }],
  ["line 0", { ...valid, line: 0 }],
  ["line NaN", { ...valid, line: Number.NaN }],
  ["line as a string", { ...valid, line: "4" }],
  ["endLine beyond safe integers", { ...valid, endLine: 2 ** 60 }],
  ["an unknown severity", { ...valid, severity: "info" }],
  ["evidence that is not all strings", { ...valid, evidence: ["a", 1] }],
  ["introduced as a string", { ...valid, introduced: "yes" }],
  ["an empty path", { ...valid, path: "" }],
];

describe("checkFinding", () => {
  it.each(cases)("gives what zod gives for %s (value, key order, or error)", (_what, f) => {
    const want = viaZod(f);
    const got = viaCheck(f);
    expect(got).toEqual(want);
    if ("value" in want && "value" in got) {
      expect(Object.keys(got.value as object)).toEqual(Object.keys(want.value as object));
    }
  });

  it("returns a copy of the evidence, as zod does", () => {
    const f = { ...valid, evidence: ["a"] };
    expect(checkFinding(f).evidence).not.toBe(f.evidence);
  });

  it("returns a finding already in the schema's shape as it is, and one out of order as a copy in order", () => {
    expect(checkFinding(valid)).toBe(valid);
    const shuffled = { message: "M", ruleId: "x", title: "T", severity: "error", pattern: 1 } as Finding;
    const checked = checkFinding(shuffled);
    expect(checked).not.toBe(shuffled);
    expect(Object.keys(checked)).toEqual(["ruleId", "pattern", "severity", "title", "message"]);
  });
});
