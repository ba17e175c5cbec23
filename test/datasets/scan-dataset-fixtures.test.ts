/**
 * scanDataset over the dataset fixtures in test/fixtures/datasets/, streamed in small chunks so
 * records and lines straddle chunk boundaries: the default-tier counterpart of test/corpus/scan-dataset.test.ts.
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { scanDataset } from "../../src/datasets/index.js";
import type { DatasetScan } from "../../src/types.js";
import { fixturesDir } from "../fixtures/fixture-files.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

function scanFixture(file: string, format: string): Promise<DatasetScan> {
  const full = path.join(fixturesDir, "datasets", file);
  return scanDataset({ path: file, format, role: "train", chunks: createReadStream(full, { highWaterMark: 61 }), lexicon: defaultTestLexicon() });
}

describe("scanDataset on the dataset fixtures", () => {
  it("reads an OpenAI chat JSONL: a record without a system message is valid, one without a user turn too", async () => {
    const scan = await scanFixture("openai-chat.jsonl", "openai-chat");
    expect(scan.records).toBe(4);
    expect(scan.formatIssues).toEqual([]);
    expect(scan.keys.map((k) => k.line)).toEqual([1, 2, 3, 4]);
    expect(scan.emptyTargets).toEqual([]);
    expect(scan.sensitive).toEqual([]);
  });

  it("reads prompt/completion and preference JSONL", async () => {
    const pc = await scanFixture("prompt-completion.jsonl", "prompt-completion");
    expect(pc.records).toBe(3);
    expect(pc.formatIssues).toEqual([]);
    const pref = await scanFixture("preference.jsonl", "preference");
    expect(pref.records).toBe(2);
    expect(pref.formatIssues).toEqual([]);
  });

  it("reads JSON arrays (alpaca, sharegpt) with each record at the line of its `{`", async () => {
    const alpaca = await scanFixture("alpaca.json", "alpaca");
    expect(alpaca.records).toBe(2);
    expect(alpaca.keys.map((k) => k.line)).toEqual([2, 7]);
    const sharegpt = await scanFixture("sharegpt.json", "sharegpt");
    expect(sharegpt.records).toBe(2);
    expect(sharegpt.keys.map((k) => k.line)).toEqual([2, 9]);
    expect(sharegpt.formatIssues).toEqual([]);
  });

  it("counts the labels of a text,label CSV with their first lines", async () => {
    const scan = await scanFixture("classification.csv", "classification");
    expect(scan.records).toBe(5);
    expect(scan.labelCounts).toEqual({ cancel_transfer: 2, card_arrival: 1, change_pin: 1, duplicate_charge: 1 });
    expect(scan.labelLines).toMatchObject({ cancel_transfer: 2, duplicate_charge: 5 });
  });

  it("reads Rasa nlu.yml and nlu.md: one record per example, synonym sections left out", async () => {
    const yml = await scanFixture("nlu.yml", "rasa-nlu");
    expect(yml.records).toBe(7);
    expect(yml.labelCounts).toEqual({ greet: 3, goodbye: 2, check_balance: 2 });
    const md = await scanFixture("nlu.md", "rasa-nlu-md");
    expect(md.records).toBe(6);
    expect(md.labelCounts).toEqual({ greet: 2, goodbye: 2, check_balance: 2 });
  });
});
