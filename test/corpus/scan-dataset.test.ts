import { describe, it, expect } from "@jest/globals";
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { scanDataset } from "../../src/datasets/index.js";
import type { DatasetScan } from "../../src/types.js";
import { defaultTestLexicon } from "../datasets/default-test-lexicon.js";
import { requireCorpusDir } from "./corpus-dir.js";

const corpusDir = requireCorpusDir();

const datasets = path.join(corpusDir, "datasets");

/** Streams the file in small chunks so records and lines straddle chunk boundaries. */
function scanFile(file: string, format: string, role: "train" | "eval" = "train"): Promise<DatasetScan> {
  const full = path.join(datasets, file);
  return scanDataset({ path: file, format, role, chunks: createReadStream(full, { highWaterMark: 997 }), lexicon: defaultTestLexicon() });
}

describe("scanDataset on the corpus", () => {
  it("reads OpenAI's toy chat file: 5 valid records, the 26,000-character turn longest", async () => {
    const scan = await scanFile("openai-cookbook/toy_chat_fine_tuning.jsonl", "openai-chat");
    expect(scan.records).toBe(5);
    // The example without a system message (line 3) and the one without a user message (line 4) are valid chat records.
    expect(scan.formatIssues).toEqual([]);
    expect(scan.keys.map((k) => k.line)).toEqual([1, 2, 3, 4, 5]);
    expect(scan.emptyTargets).toEqual([]);
    expect(scan.targets).toBe(5);
    expect(scan.longest[0]!.line).toBe(5);
    expect(scan.longest[0]!.tokens).toBeGreaterThan(26000 / 4);
    expect(scan.longest.map((l) => l.tokens)).toEqual([...scan.longest.map((l) => l.tokens)].sort((a, b) => b - a));
    expect(scan.sensitive).toEqual([]);
  });

  it("finds the empty gpt turn of axolotl's missing-turns fixture (a single JSON object) at its own line", async () => {
    const scan = await scanFile("axolotl/conversation.missingturns.json", "sharegpt");
    expect(scan.records).toBe(1);
    expect(scan.emptyTargets).toEqual([9]); // the line of the empty `"value": ""`
    const intact = await scanFile("axolotl/conversation.json", "sharegpt");
    expect(intact.records).toBe(1);
    expect(intact.emptyTargets).toEqual([]);
  });

  it("reads a JSON array with each record at the line of its `{`", async () => {
    const scan = await scanFile("axolotl/alpaca.json", "alpaca");
    expect(scan.records).toBe(2);
    expect(scan.keys.map((k) => k.line)).toEqual([2, 7]);
  });

  it("reads LLaMA-Factory's identity set: 91 records whose targets hold placeholders", async () => {
    const scan = await scanFile("llamafactory/identity.json", "alpaca");
    expect(scan.records).toBe(91);
    expect(scan.formatIssues).toEqual([]);
    expect(scan.keys[0]!.line).toBe(2);
    expect(scan.keys[1]!.line).toBe(7);
    expect(scan.businessRules.length).toBeGreaterThan(80);
    expect(scan.businessRules[0]).toEqual({ line: 2, phrase: "{{name}}" });
  });

  it("reads the LLaMA-Factory v1 DPO demo as llamafactory-dpo and as preference", async () => {
    for (const format of ["llamafactory-dpo", "preference"]) {
      const scan = await scanFile("llamafactory/v1_dpo_demo.jsonl", format);
      expect(scan.records).toBe(10);
      expect(scan.formatIssues).toEqual([]);
      expect(scan.targets).toBe(10);
      expect(scan.emptyTargets).toEqual([]);
    }
  });

  it("reads cleanlab's banking CSV: 1000 records, 10 labels with 80-138 each", async () => {
    const scan = await scanFile("cleanlab/banking-intent-classification.csv", "classification");
    expect(scan.records).toBe(1000);
    expect(scan.formatIssues).toEqual([]);
    const counts = Object.values(scan.labelCounts);
    expect(counts).toHaveLength(10);
    expect(Math.min(...counts)).toBe(80);
    expect(Math.max(...counts)).toBe(138);
    expect(scan.labelLines["cancel_transfer"]).toBe(2);
    expect(scan.keys[0]!.line).toBe(2);
  });

  it("reads Rasa nlu.yml: one record per example at its own line", async () => {
    const scan = await scanFile("rasa/rasa-demo__nlu.yml", "rasa-nlu");
    expect(Object.keys(scan.labelCounts)).toHaveLength(20);
    expect(scan.records).toBe(2146);
    expect(scan.formatIssues).toEqual([]);
    expect(scan.labelLines["broken"]).toBe(5);
    expect(scan.keys.slice(0, 2).map((k) => k.line)).toEqual([5, 6]);
    const text = readFileSync(path.join(datasets, "rasa/rasa-demo__nlu.yml"), "utf8").split("\n");
    const last = scan.keys[scan.keys.length - 1]!.line;
    expect(text[last - 1]).toMatch(/^\s+- /);
    const helpdesk = await scanFile("rasa/helpdesk-assistant__nlu.yml", "rasa-nlu");
    expect(helpdesk.records).toBe(452);
    expect(Object.keys(helpdesk.labelCounts)).toHaveLength(14);
  });

  it("reads legacy Rasa nlu.md: 62 intents, synonym sections left out", async () => {
    for (const file of ["rasa/rasa-demo__nlu.before_35b97c07.md", "rasa/rasa-demo__nlu.at_35b97c07.md"]) {
      const scan = await scanFile(file, "rasa-nlu-md");
      expect(scan.formatIssues).toEqual([]);
      expect(Object.keys(scan.labelCounts)).toHaveLength(62);
      expect(scan.records).toBeGreaterThan(4800);
      expect(scan.labelLines["affirm"]).toBe(2);
    }
  });
});
