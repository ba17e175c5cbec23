/**
 * Waivers through the CLI on real git repositories: a base-branch waiver accepts a reviewed finding
 * (shown with its reason, approver and expiry), an expired or wrongly approved one does not and is
 * a `waiver-invalid` notice, a fingerprint waiver follows its record to another line, and a waiver
 * the change adds is not applied (the CLI cannot check approvals).
 */
import { describe, expect, it } from "@jest/globals";
import { FINGERPRINT_KEY } from "../../src/render/index.js";
import { GOOD, classificationJsonl, reviewScenario, type Files, type ScenarioResult } from "../helpers/proposal-scenario.js";

const SECRET = "sk-proj-Abc123Def456Ghi789Jkl012Mno345";
const OTHER = "sk-proj-Zyx987Wvu654Tsr321Qpo098Nml765";
const lines = (rows: string[]) => `${rows.join("\n")}\n`;
const clean = classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1);
const leak = (secret: string) => JSON.stringify({ text: `my key is ${secret} please rotate`, label: "billing" });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const WAIVERS = ".github/finetune-review-waivers.yml";

function waivers(entries: Record<string, string>[]): string {
  return `waivers:\n${entries
    .map((e) =>
      Object.entries(e)
        .map(([k, v], i) => `${i === 0 ? "  - " : "    "}${k}: ${JSON.stringify(v)}`)
        .join("\n"),
    )
    .join("\n")}\n`;
}

const accepted = {
  rule: "dataset-sensitive",
  path: "data/**",
  reason: "a revoked key kept to teach refusals",
  approved_by: "@acme/ml-platform",
  expires: day(60),
};
type Finding = ScenarioResult["json"]["findings"][number] & { introduced: boolean; waived?: { reason: string; approved_by: string; expires: string } };
const findings = (r: ScenarioResult) => r.json.findings as Finding[];
const merged: Files = { ...GOOD.head, "data/train.jsonl": lines(clean) };

describe("waivers (CLI, real git repositories)", () => {
  it("a base-branch waiver turns a failing review into a passing one and is shown with its reason", async () => {
    const head = { "data/train.jsonl": lines([...clean, leak(SECRET)]) };
    const without = await reviewScenario({ base: merged, head });
    expect(without.json.conclusion).toBe("failure");

    const r = await reviewScenario({ base: { ...merged, [WAIVERS]: waivers([accepted]) }, head });
    expect(r.json.conclusion).toBe("success");
    expect(r.code).toBe(0);
    const secret = findings(r).find((f) => f.ruleId === "dataset-sensitive")!;
    expect(secret).toMatchObject({
      line: 121,
      introduced: true,
      waived: { reason: accepted.reason, approved_by: "@acme/ml-platform", expires: accepted.expires },
    });
    const text = await reviewScenario({ base: { ...merged, [WAIVERS]: waivers([accepted]) }, head, args: ["--format", "text"] });
    expect(text.stdout).toMatch(/, 1 waived in/);
    expect(text.stdout).toContain(`waived: a revoked key kept to teach refusals (approved by @acme/ml-platform, until ${accepted.expires})`);
    expect(text.stdout).not.toContain(SECRET);
  });

  it("an expired waiver does not apply and is a waiver-invalid notice at its line", async () => {
    const r = await reviewScenario({
      base: { ...merged, [WAIVERS]: waivers([{ ...accepted, expires: day(-1) }]) },
      head: { "data/train.jsonl": lines([...clean, leak(SECRET)]) },
    });
    expect(r.json.conclusion).toBe("failure");
    expect(findings(r).find((f) => f.ruleId === "dataset-sensitive")?.waived).toBeUndefined();
    expect(findings(r).filter((f) => f.ruleId === "waiver-invalid")).toEqual([
      expect.objectContaining({
        severity: "notice",
        path: WAIVERS,
        line: 2,
        message: expect.stringMatching(new RegExp(`expired on ${day(-1)}; review the finding again`)),
      }),
    ]);
  });

  it("a waiver approved by a non-owner, one too far ahead and a malformed one are each waiver-invalid, naming the key", async () => {
    const file = waivers([
      { ...accepted, approved_by: "@someone-else" },
      { ...accepted, expires: day(400) },
      { rule: "dataset-sensitive", path: "data/**", approved_by: "@acme/ml-platform", expires: day(10) },
    ]);
    const r = await reviewScenario({ base: { ...merged, [WAIVERS]: file }, head: { "data/train.jsonl": lines([...clean, leak(SECRET)]) } });
    expect(r.json.conclusion).toBe("failure");
    const invalid = findings(r)
      .filter((f) => f.ruleId === "waiver-invalid")
      .map((f) => [f.line, f.message]);
    expect(invalid).toEqual(
      expect.arrayContaining([
        [2, expect.stringMatching(/approved by @someone-else, who does not own data\/[\w./-]+ \(its owners are @acme\/ml-platform\)/)],
        [7, expect.stringMatching(/more than max_waiver_days \(180\) ahead; set it to \d{4}-\d{2}-\d{2} or earlier/)],
        [12, expect.stringMatching(/waivers\[2\]: `reason` is required; write the `reason`/)],
      ]),
    );
    expect(invalid).toHaveLength(3);
  });

  it("a fingerprint waiver follows its record to another line and waives nothing else", async () => {
    const first = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines([...clean, leak(SECRET)]) }, args: ["--format", "sarif"] });
    const sarif = JSON.parse(first.stdout) as {
      runs: {
        results: { ruleId: string; partialFingerprints: Record<string, string>; locations?: { physicalLocation: { region?: { startLine: number } } }[] }[];
      }[];
    };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === "dataset-sensitive")!;
    expect(result.locations?.[0]?.physicalLocation.region?.startLine).toBe(121);
    const fingerprint = result.partialFingerprints[FINGERPRINT_KEY]!;

    // The next push moves the record to line 3 and adds a second key: only the first is waived.
    const moved = [...clean.slice(0, 2), leak(SECRET), ...clean.slice(2), leak(OTHER)];
    const r = await reviewScenario({ base: { ...merged, [WAIVERS]: waivers([{ ...accepted, fingerprint }]) }, head: { "data/train.jsonl": lines(moved) } });
    const secrets = findings(r).filter((f) => f.ruleId === "dataset-sensitive");
    expect(secrets.map((f) => [f.line, Boolean(f.waived)])).toEqual([
      [3, true],
      [122, false],
    ]);
    expect(r.json.conclusion).toBe("failure");
  });

  it("a waiver the change adds is not applied by the CLI, which says it cannot check approvals", async () => {
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines([...clean, leak(SECRET)]), [WAIVERS]: waivers([accepted]) } });
    expect(r.json.conclusion).toBe("failure");
    expect(findings(r).find((f) => f.ruleId === "dataset-sensitive")?.waived).toBeUndefined();
    expect((r.json as { notes?: string[] }).notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/was not applied: approvals cannot be checked here \(the CLI reviews no pull request\), so only the base branch's waivers apply/),
      ]),
    );
  });
});
