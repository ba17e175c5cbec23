/**
 * Waivers in process: the file's per-entry parsing, validation against owners and dates, how a
 * waiver matches findings (rule, glob, fingerprint, approvals), and the `waiver-invalid` table.
 */
import { describe, expect, it } from "@jest/globals";
import { parseCodeowners } from "../../src/codeowners.js";
import type { Finding, Waiver } from "../../src/types.js";
import { applyWaivers, type HeadApprovals } from "../../src/waivers/apply-waivers.js";
import { checkWaivers, type WaiverContext } from "../../src/waivers/check-waivers.js";
import { findingFingerprint } from "../../src/waivers/fingerprint.js";
import { parseWaiverFile } from "../../src/waivers/waiver-file.js";
import { ruleTester } from "../helpers/rule-tester.js";

const owners = parseCodeowners("* @acme/ml-platform\n/data/synthetic/ @acme/data @jo\n", ".github/CODEOWNERS").rules;
const ctx: WaiverContext = {
  now: new Date("2026-12-04T12:00:00Z"),
  maxDays: 180,
  ruleIds: new Set(["dataset-sensitive", "dataset-balance"]),
  owners,
  headFiles: ["data/synthetic/contacts.jsonl", "data/train.jsonl", "README.md"],
};
const entry = (over: Partial<Waiver> = {}): Waiver => ({
  rule: "dataset-sensitive",
  path: "data/synthetic/**",
  reason: "faker contacts",
  approved_by: "@acme/data",
  expires: "2027-03-01",
  origin: "base",
  ...over,
});
const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: "dataset-sensitive",
  pattern: 2,
  severity: "warning",
  title: "Secrets or personal data",
  message: "An email address appears in a training example: jo… (email).",
  path: "data/synthetic/contacts.jsonl",
  line: 4,
  ...over,
});

describe("parseWaiverFile", () => {
  it("reads entries with their lines and keeps the valid ones when another is malformed", () => {
    const text = [
      "waivers:",
      "  - rule: dataset-sensitive",
      "    path: data/synthetic/**",
      '    reason: "faker contacts"',
      '    approved_by: "@acme/data"',
      "    expires: 2027-03-01",
      "  - rule: dataset-balance",
      "    path: data/train.jsonl",
      '    approved_by: "acme"',
      "    expires: next year",
      "    owner: me",
      "",
    ].join("\n");
    const { entries, problems } = parseWaiverFile(text, "base");
    expect(entries).toEqual([{ rule: "dataset-sensitive", path: "data/synthetic/**", reason: "faker contacts", approved_by: "@acme/data", expires: "2027-03-01", line: 2, origin: "base" }]);
    expect(problems.map((p) => [p.key, p.line])).toEqual(
      expect.arrayContaining([
        ["owner", 11],
        ["reason", 7],
        ["approved_by", 9],
        ["expires", 10],
      ]),
    );
    expect(problems.find((p) => p.key === "expires")?.message).toBe(".github/finetune-review-waivers.yml:10: waivers[1]: `expires` must be a date written YYYY-MM-DD; set `expires` to a date (YYYY-MM-DD).");
  });

  it("says what shape the file must have, and what YAML problem stops it", () => {
    expect(parseWaiverFile("- rule: x\n", "base").problems[0]?.message).toMatch(/must be a mapping with one key, `waivers`/);
    expect(parseWaiverFile("waivers: [\n", "base").problems[0]?.message).toMatch(/cannot be read: it is not valid YAML/);
    expect(parseWaiverFile("", "base")).toEqual({ entries: [], problems: [] });
  });
});

describe("checkWaivers", () => {
  it("applies an entry approved by an owner of every file its glob covers, within max_waiver_days", () => {
    expect(checkWaivers({ entries: [entry()], problems: [] }, null, ctx)).toEqual({ entries: [entry()], problems: [] });
  });

  it.each([
    ["expired", entry({ expires: "2026-12-03" }), "expires", /expired on 2026-12-03/],
    ["too far ahead", entry({ expires: "2027-06-30" }), "expires", /more than max_waiver_days \(180\) ahead; set it to 2027-06-02 or earlier/],
    ["unknown rule", entry({ rule: "dataset-pii" }), "rule", /dataset-pii is not a rule id/],
    ["a glob that matches nothing", entry({ path: "data/gone/**" }), "path", /matches no file at the head commit/],
    ["approved by a non-owner", entry({ approved_by: "@acme/ml-platform" }), "approved_by", /approved by @acme\/ml-platform, who does not own data\/synthetic\/contacts\.jsonl \(its owners are @acme\/data, @jo\)/],
    ["a glob wider than the approver owns", entry({ path: "data/**" }), "approved_by", /who does not own data\/train\.jsonl/],
  ])("%s is a problem on its key, and the entry does not apply", (_name, w, key, message) => {
    const set = checkWaivers({ entries: [w], problems: [] }, null, ctx);
    expect(set.entries).toEqual([]);
    expect(set.problems).toEqual([expect.objectContaining({ key, message: expect.stringMatching(message), origin: "base" })]);
  });

  it("the expiry day itself still applies", () => {
    expect(checkWaivers({ entries: [entry({ expires: "2026-12-04" })], problems: [] }, null, ctx).entries).toHaveLength(1);
  });

  it("says a malformed entry the change left alone once, though an edit above it moved its line", () => {
    const bad = '  - rule: dataset-sensitive\n    path: "data/**"\n    approved_by: "@acme/data"\n    expires: 2027-01-01\n';
    const good = '  - rule: dataset-balance\n    path: data/train.jsonl\n    reason: rare label on purpose\n    approved_by: "@acme/ml-platform"\n    expires: 2027-01-01\n';
    const base = parseWaiverFile(`waivers:\n${bad}`, "base");
    const head = parseWaiverFile(`waivers:\n${good}${bad}`, "change");
    expect(head.problems[0]?.line).not.toBe(base.problems[0]?.line);
    const set = checkWaivers(base, head, ctx);
    expect(set.problems.filter((p) => p.key === "reason")).toEqual([expect.objectContaining({ origin: "base", line: 2 })]);
  });

  it("takes from the head only the entries the change adds", () => {
    const added = entry({ reason: "reviewed again", origin: "change" });
    const set = checkWaivers({ entries: [entry()], problems: [] }, { entries: [entry({ origin: "change" }), added], problems: [] }, ctx);
    expect(set.entries).toEqual([entry(), added]);
  });
});

describe("findingFingerprint", () => {
  it("ignores line numbers and counts in the message, and tells records apart by their content", () => {
    const a = findingFingerprint({ ruleId: "dataset-duplicates", path: "d.jsonl", message: "Line 12 repeats line 3." }, 77);
    expect(findingFingerprint({ ruleId: "dataset-duplicates", path: "d.jsonl", message: "Line 40 repeats line 9." }, 77)).toBe(a);
    expect(findingFingerprint({ ruleId: "dataset-duplicates", path: "d.jsonl", message: "Line 12 repeats line 3." }, 78)).not.toBe(a);
    expect(findingFingerprint({ ruleId: "dataset-duplicates", path: "e.jsonl", message: "Line 12 repeats line 3." }, 77)).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("applyWaivers", () => {
  const set = (w: Waiver) => ({ entries: [w], problems: [] });
  const approvals = (approvers: string[], teams: Record<string, string[]> = {}): HeadApprovals => ({
    approvers: () => Promise.resolve(approvers),
    inTeam: (team, login) => Promise.resolve((teams[team] ?? []).includes(login)),
  });

  it("waives the rule's findings under the glob, never another rule's or another path's", async () => {
    const fs = [finding(), finding({ ruleId: "dataset-balance" }), finding({ path: "data/train.jsonl" })];
    const { findings } = await applyWaivers(fs, set(entry()), owners);
    expect(findings.map((f) => Boolean(f.waived))).toEqual([true, false, false]);
    expect(findings[0]!.waived).toEqual({ reason: "faker contacts", approved_by: "@acme/data", expires: "2027-03-01" });
  });

  it("a fingerprint waives that one finding only", async () => {
    const fs = [finding({ fingerprint: "a".repeat(32) }), finding({ line: 9, fingerprint: "b".repeat(32) })];
    const { findings } = await applyWaivers(fs, set(entry({ fingerprint: "b".repeat(32) })), owners);
    expect(findings.map((f) => Boolean(f.waived))).toEqual([false, true]);
  });

  it("an entry the change adds needs an owner's approval of the head: a listed user, or a team member", async () => {
    const added = entry({ origin: "change" });
    expect((await applyWaivers([finding()], set(added), owners)).notes).toEqual([expect.stringMatching(/approvals cannot be checked here/)]);
    const none = await applyWaivers([finding()], set(added), owners, approvals(["mallory"]));
    expect(none.findings[0]!.waived).toBeUndefined();
    expect(none.notes).toEqual([expect.stringMatching(/applies once an owner of the path approves the head commit/)]);
    expect((await applyWaivers([finding()], set(added), owners, approvals(["Jo"]))).findings[0]!.waived).toBeDefined();
    expect((await applyWaivers([finding()], set(added), owners, approvals(["sam"], { "acme/data": ["sam"] }))).findings[0]!.waived).toBeDefined();
  });

  it("never waives a finding about the waivers file or the repo config", async () => {
    for (const path of [".github/finetune-review-waivers.yml", ".github/finetune-review.yml"]) {
      const f = finding({ ruleId: "waiver-invalid", path });
      expect((await applyWaivers([f], set(entry({ rule: "waiver-invalid", path: ".github/**" })), owners)).findings[0]!.waived).toBeUndefined();
    }
  });
});

ruleTester("waiver-invalid", {
  valid: [{ name: "no waivers file, or only valid entries", input: {} }],
  invalid: [
    {
      name: "a base problem at its line, and a problem of the change's version said so",
      input: {
        waivers: {
          entries: [],
          problems: [
            { key: "expires", line: 6, origin: "base", message: ".github/finetune-review-waivers.yml:6: the waiver of dataset-sensitive for data/** does not apply: it expired on 2026-01-01." },
            { key: "reason", line: 9, origin: "change", message: ".github/finetune-review-waivers.yml:9: waivers[1]: `reason` is required." },
          ],
        },
      },
      findings: [
        { path: ".github/finetune-review-waivers.yml", line: 6, severity: "notice", message: /it expired on 2026-01-01\.$/ },
        { path: ".github/finetune-review-waivers.yml", line: 9, severity: "notice", message: /`reason` is required\. \(this pull request's version of the waivers file\)$/ },
      ],
    },
  ],
});
