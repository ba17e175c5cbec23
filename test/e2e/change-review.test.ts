/**
 * A review judges the change, not the repository: real git repositories whose base branch already
 * holds the well-governed proposal (with a dataset problem or two), reviewed through the CLI as a
 * process. Each case asserts which findings the change introduced, the conclusion and the diff.
 */
import { describe, expect, it } from "@jest/globals";
import { GOOD, classificationJsonl, reviewScenario, type Files, type ScenarioResult } from "../helpers/proposal-scenario.js";

const SECRET = "sk-proj-Abc123Def456Ghi789Jkl012Mno345";
const lines = (rows: string[]) => `${rows.join("\n")}\n`;
const clean = classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1);
/** The training set already on main: clean records with one malformed line at line 61. */
const dirty = [...clean.slice(0, 60), '{"text": "broken', ...clean.slice(60)];
/** Everything of the proposal is already merged on main, with the dirty training set. */
const merged: Files = { ...GOOD.head, "data/train.jsonl": lines(dirty) };
const extra = classificationJsonl({ billing: 2, returns: 1 }, 9);

type JsonFinding = ScenarioResult["json"]["findings"][number] & { introduced: boolean };
interface DatasetDiff {
  path: string;
  base: { records: number; labels: Record<string, number>; duplicateRatio: number } | null;
  head: { records: number; labels: Record<string, number>; duplicateRatio: number };
  added: number;
  removed: number;
  changed: number;
}
const findings = (r: ScenarioResult) => r.json.findings as JsonFinding[];
const introduced = (r: ScenarioResult) => findings(r).filter((f) => f.introduced);
const existing = (r: ScenarioResult) => findings(r).filter((f) => !f.introduced);
const diffs = (r: ScenarioResult) => (r.json as unknown as { datasets: DatasetDiff[] }).datasets;
const where = (fs: JsonFinding[]) => fs.map((f) => `${f.ruleId}@${f.path}:${f.line ?? "-"}`).sort();

describe("a review judges the change (CLI, real git repositories)", () => {
  it("appending clean records to a dirty dataset passes, with the old problem marked existing", async () => {
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines([...dirty, ...extra]) } });
    expect(introduced(r)).toEqual([]);
    expect(where(existing(r))).toEqual(["dataset-format@data/train.jsonl:61"]);
    expect(r.json.conclusion).toBe("success");
    expect(r.code).toBe(0);
    expect(diffs(r)).toEqual([
      expect.objectContaining({
        path: "data/train.jsonl",
        base: expect.objectContaining({ records: 121 }),
        head: expect.objectContaining({ records: 124 }),
        added: 3,
        removed: 0,
        changed: 0,
      }),
    ]);
  });

  it("appending a bad line and a secret fails on exactly those two", async () => {
    const secret = JSON.stringify({ text: `my key is ${SECRET} please rotate`, label: "billing" });
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines([...dirty, "{not json", secret]) } });
    expect(where(introduced(r))).toEqual(["dataset-format@data/train.jsonl:122", "dataset-sensitive@data/train.jsonl:123"]);
    expect(where(existing(r))).toEqual(["dataset-format@data/train.jsonl:61"]);
    expect(r.json.conclusion).toBe("failure");
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET);
  });

  it("a pure reorder introduces nothing", async () => {
    const shuffled = [...dirty].reverse();
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines(shuffled) } });
    expect(introduced(r)).toEqual([]);
    // The malformed record moved from line 61 to 61 from the end: still the same, already there.
    expect(where(existing(r))).toEqual([`dataset-format@data/train.jsonl:${dirty.length - 60}`]);
    expect(diffs(r)[0]).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(r.json.conclusion).toBe("success");
  });

  it("a duplicate ratio pushed over the threshold is introduced and names both ratios", async () => {
    const base = [...clean, clean[0]!, clean[1]!]; // 2 of 122 (1.6%): under the 5% limit
    const head = [...base, ...clean.slice(10, 20)]; // 12 of 132 (9.1%)
    const r = await reviewScenario({ base: { ...merged, "data/train.jsonl": lines(base) }, head: { "data/train.jsonl": lines(head) } });
    const dups = findings(r).filter((f) => f.ruleId === "dataset-duplicates");
    expect(dups.length).toBeGreaterThanOrEqual(12);
    expect(dups.every((f) => f.introduced)).toBe(true);
    expect(dups[0]!.message).toMatch(/duplicates rose from 1\.6% to 9\.1% on this change/);
    expect(diffs(r)[0]).toMatchObject({ base: { duplicateRatio: 0.0164 }, head: { duplicateRatio: 0.0909 }, added: 10 });
  });

  it("a data-only change uses the unchanged config's sequence length and eval set", async () => {
    const evalRecord = classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 2)[3]!;
    const long = JSON.stringify({ text: `${"word ".repeat(2000)}?`, label: "billing" }); // ~2,500 tokens: over 2,048, under the rule's 4,096
    const r = await reviewScenario({
      base: { ...merged, "data/train.jsonl": lines(clean) },
      head: { "data/train.jsonl": lines([...clean, evalRecord, long]) },
    });
    expect(r.json.artifacts.map((a) => a.path)).toEqual(["data/train.jsonl"]);
    const leak = findings(r).find((f) => f.ruleId === "eval-leakage")!;
    expect(leak).toMatchObject({ path: "data/eval.jsonl", line: 4, introduced: true });
    expect(leak.message).toContain("data/train.jsonl:121");
    const length = findings(r).find((f) => f.ruleId === "dataset-length")!;
    expect(length).toMatchObject({ path: "data/train.jsonl", line: 122, introduced: true });
    expect(length.message).toContain("sequence length 2048 (configs/router-lora.yml)");
    expect(r.json.conclusion).toBe("failure");
  });

  it("a config-only change reads its datasets as context and marks their findings existing", async () => {
    const config = (GOOD.head["configs/router-lora.yml"] as string).replace("lora_r: 16", "lora_r: 8");
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines(dirty), "configs/router-lora.yml": config } });
    expect(r.json.artifacts.map((a) => a.path)).toEqual(["configs/router-lora.yml"]);
    expect(where(existing(r))).toEqual(["dataset-format@data/train.jsonl:61"]);
    expect(introduced(r)).toEqual([]);
    expect(diffs(r)).toEqual([]);
    expect(r.json.conclusion).toBe("success");
  });

  it("an edited config's Hub reference the base already left unpinned is existing; one the change adds is introduced", async () => {
    const unpinned = (GOOD.head["configs/router-lora.yml"] as string).replace(/revision_of_model: .*\n/, "");
    const base = { ...merged, "configs/router-lora.yml": unpinned };
    const edited = unpinned.replace("lora_r: 16", "lora_r: 8");
    const r = await reviewScenario({ base, head: { "data/train.jsonl": lines(dirty), "configs/router-lora.yml": edited } });
    expect(where(existing(r))).toEqual(["dataset-format@data/train.jsonl:61", "hub-unpinned@configs/router-lora.yml:1"]);
    expect(introduced(r)).toEqual([]);
    expect(r.json.conclusion).toBe("success");
    const added = edited.replace("test_datasets:", "  - path: teknium/GPT4-LLM-Cleaned\n    type: alpaca\ntest_datasets:");
    const r2 = await reviewScenario({ base, head: { "data/train.jsonl": lines(dirty), "configs/router-lora.yml": added } });
    expect(where(introduced(r2))).toEqual(["hub-unpinned@configs/router-lora.yml:9"]);
    expect(where(existing(r2))).toContain("hub-unpinned@configs/router-lora.yml:1");
  });

  it("`existing: fail` fails on findings already on the base branch", async () => {
    const r = await reviewScenario({
      base: { ...merged, ".github/finetune-review.yml": "existing: fail\n" },
      head: { "data/train.jsonl": lines([...dirty, ...extra]) },
    });
    expect(where(existing(r))).toEqual(["dataset-format@data/train.jsonl:61"]);
    expect(r.json.conclusion).toBe("failure");
    expect(r.code).toBe(1);
  });

  it("a new file is all introduced", async () => {
    const r = await reviewScenario({ base: merged, head: { "data/train.jsonl": lines(dirty), "data/extra.jsonl": lines([...extra, "{nope"]) } });
    expect(where(introduced(r))).toContain("dataset-format@data/extra.jsonl:4");
    expect(
      findings(r)
        .filter((f) => f.path === "data/extra.jsonl")
        .every((f) => f.introduced),
    ).toBe(true);
    expect(diffs(r)).toEqual([expect.objectContaining({ path: "data/extra.jsonl", base: null, head: expect.objectContaining({ records: 4 }), added: 4 })]);
  });

  it("a label-distribution change shows the right counts in the diff, in the comment and in the text", async () => {
    const more = classificationJsonl({ billing: 30 }, 5);
    const head = { "data/train.jsonl": lines([...clean, ...more]) };
    const base = { ...merged, "data/train.jsonl": lines(clean) };
    const r = await reviewScenario({ base, head });
    expect(diffs(r)[0]).toMatchObject({
      base: { records: 120, labels: { billing: 40, returns: 40, shipping: 40 } },
      head: { records: 150, labels: { billing: 70, returns: 40, shipping: 40 } },
      added: 30,
      removed: 0,
    });
    const md = await reviewScenario({ base, head, args: ["--format", "markdown"] });
    expect(md.stdout).toContain("| `data/train.jsonl` | 120 → 150 | +30 / −0 | 0% → 0% |");
    // billing: 33.3% -> 46.7% of the labelled records (+13.3 pp); the others fall 6.7 pp each.
    expect(md.stdout).toContain("`billing` 40 → 70 (+13.3 pp)");
    expect(md.stdout).toContain("`returns` 40 → 40 (−6.7 pp)");
    const text = await reviewScenario({ base, head, args: ["--format", "text"] });
    expect(text.stdout).toContain("data/train.jsonl  120 → 150 records (+30 / −0), duplicates 0% → 0%");
    expect(text.stdout).toContain("billing: 40 → 70 (+13.3 pp)");
  });

  it("records with a stable id and a new target count as changed, not added and removed", async () => {
    const row = (i: number, label: string) => JSON.stringify({ id: `t-${i}`, text: `question ${i} about a parcel`, label });
    const baseRows = Array.from({ length: 120 }, (_, i) => row(i, ["billing", "returns", "shipping"][i % 3]!));
    // Records 118 and 119 keep their ids and get a new label.
    const headRows = baseRows.map((r, i) => (i >= 118 ? row(i, "billing") : r));
    const r = await reviewScenario({ base: { ...merged, "data/train.jsonl": lines(baseRows) }, head: { "data/train.jsonl": lines(headRows) } });
    expect(diffs(r)[0]).toMatchObject({ added: 0, removed: 0, changed: 2 });
  });
});
