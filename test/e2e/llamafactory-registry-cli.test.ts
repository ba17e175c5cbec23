/**
 * Through the CLI on a real git repository: LLaMA-Factory's dataset_info.json decides how the
 * files it names are read (renamed Alpaca columns, ShareGPT tags, ranking pairs), and a registry
 * entry whose mapping cannot be read is reported at its line.
 */
import { describe, expect, it } from "@jest/globals";
import { fixtureFile } from "../fixtures/fixture-files.js";
import { reviewScenario, type Files, type ScenarioResult } from "../helpers/proposal-scenario.js";

const DIR = "llamafactory-registry";
const FILES = ["data/dataset_info.json", "data/support_qa.json", "data/support_chat.jsonl", "data/support_pairs.json", "examples/llama3_lora_sft.yaml"];
const repo = (): Files => Object.fromEntries(FILES.map((f) => [f, fixtureFile(`${DIR}/${f}`).toString("utf8")]));
const of = (r: ScenarioResult, ruleId: string) => r.json.findings.filter((f) => f.ruleId === ruleId);

describe("review of a LLaMA-Factory repository with a dataset registry", () => {
  it("reads each named file by its entry: no format findings on valid data, one at the record that lacks a mapped key", async () => {
    const valid = await reviewScenario({ bare: true, head: repo() });
    expect(valid.json.artifacts.filter((a) => a.kind === "dataset").map((a) => [a.path, a.format])).toEqual([
      ["data/support_chat.jsonl", "sharegpt"],
      ["data/support_pairs.json", "preference"],
      ["data/support_qa.json", "alpaca"],
    ]);
    expect(of(valid, "dataset-format")).toEqual([]);

    const records = JSON.parse(repo()["data/support_qa.json"] as string) as Record<string, unknown>[];
    delete records[1]!["answer"];
    const broken = await reviewScenario({ bare: true, head: { ...repo(), "data/support_qa.json": `${JSON.stringify(records, null, 2)}\n` } });
    expect(of(broken, "dataset-format").map((f) => [f.path, f.line, f.message])).toEqual([
      [
        "data/support_qa.json",
        8,
        'Line 8 of data/support_qa.json is not a valid alpaca record: record has no "answer" (data/dataset_info.json entry "support_qa" maps "response" to it).',
      ],
    ]);
  }, 60_000);

  it("reports a registry entry whose columns are not a mapping of strings, at the entry's line", async () => {
    const registry = JSON.parse(repo()["data/dataset_info.json"] as string) as Record<string, Record<string, unknown>>;
    registry["support_qa"]!["columns"] = ["question", "answer"];
    const r = await reviewScenario({ bare: true, head: { ...repo(), "data/dataset_info.json": `${JSON.stringify(registry, null, 2)}\n` } });
    expect(of(r, "config-references").map((f) => [f.path, f.line])).toEqual([["data/dataset_info.json", 4]]);
    expect(of(r, "config-references")[0]!.message).toMatch(/entry "support_qa": "columns" is a list, not a mapping/);
  }, 60_000);

  it("says in a note when an unchanged registry's entry for a changed file cannot be read, and reports nothing on the registry", async () => {
    const registry = JSON.parse(repo()["data/dataset_info.json"] as string) as Record<string, Record<string, unknown>>;
    registry["support_qa"]!["columns"] = ["question", "answer"];
    const base = { ...repo(), "data/dataset_info.json": `${JSON.stringify(registry, null, 2)}\n` };
    const records = JSON.parse(repo()["data/support_qa.json"] as string) as Record<string, unknown>[];
    const r = await reviewScenario({ bare: true, base, head: { "data/support_qa.json": `${JSON.stringify([...records, records[0]], null, 2)}\n` } });
    expect(of(r, "config-references")).toEqual([]);
    const notes = (r.json as { notes?: string[] }).notes ?? [];
    expect(notes.filter((n) => n.includes("dataset_info.json"))).toEqual([
      'data/dataset_info.json entry "support_qa": "columns" is a list, not a mapping of column roles to column names; LLaMA-Factory cannot read the file by it (line 4); data/support_qa.json is read without that mapping.',
    ]);
  }, 60_000);
});
