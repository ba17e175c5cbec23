import { describe, it, expect } from "@jest/globals";
import { scanDataset } from "../../src/datasets/index.js";
import { ruleList } from "../../src/rules/registry.js";
import type { ReviewInput } from "../../src/types.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

// Records shaped like the defects AlpacaDataCleaned lists in the original Alpaca data.
const records = [
  { instruction: "Summarize the following article in two sentences.", input: "", output: "The article argues that cities should plant more trees." },
  {
    instruction: "Rewrite the following sentence in the passive voice: The chef cooked a delicious meal.",
    input: "",
    output: "A delicious meal was cooked by the chef.",
  },
  { instruction: "Describe what is happening in the given image.", input: "", output: "A dog is running on a beach." },
  { instruction: "Summarize the content of this page.", input: "https://www.example.org/news/2023/climate-report", output: "The report says emissions rose." },
  { instruction: "Generate a list of three fruits.", input: "", output: "<No Output>" },
  { instruction: "What is the capital of France?", input: "", output: "N/A" },
  { instruction: "Translate to French.", input: "Good morning", output: "Bonjour" },
];

describe("Alpaca records the AlpacaDataCleaned project removed", () => {
  it("reports an instruction that refers to a missing input and a URL-only input at their lines", async () => {
    const body = Buffer.from(records.map((r) => JSON.stringify(r)).join("\n"), "utf8");
    const scan = await scanDataset({ path: "alpaca_data.jsonl", format: "alpaca", role: "train", chunks: body, lexicon: defaultTestLexicon() });
    expect(scan.formatIssues.map((i) => i.message)).toEqual([
      'line 1: "instruction" refers to "the following article" but "input" is empty',
      'line 3: "instruction" refers to "the given image" but "input" is empty',
      'line 4: "input" is only a URL: the model sees the address, not the content',
    ]);
    // Line 2 carries its sentence inline and line 7 is well formed; the defective records are still training examples.
    expect(scan.records).toBe(7);
    expect(scan.emptyTargets).toEqual([5, 6]);
    // dataset-format says the record is still trained on, not that it is unreadable.
    const rule = ruleList.find((r) => r.meta.id === "dataset-format")!;
    const messages = rule.check({ datasets: [scan] } as unknown as ReviewInput, { max_findings: 20 }).map((r) => r.message);
    expect(messages[0]).toBe(
      'Line 1 of alpaca_data.jsonl has a defect: "instruction" refers to "the following article" but "input" is empty; it is still read, and trained on, as written.',
    );
    expect(messages).toHaveLength(3);
  });

  it("still reads a defective record for the other checks: its secret and its repeat are found", async () => {
    const key = "sk-proj-" + "Q7rT2mX9vL4kP8wZ3nB6yC1d";
    const defective = { instruction: "Summarize the following article.", input: "", output: `Use the key ${key} to call the API.` };
    const body = Buffer.from([defective, records[6], defective].map((r) => JSON.stringify(r)).join("\n"), "utf8");
    const scan = await scanDataset({ path: "alpaca_data.jsonl", format: "alpaca", role: "train", chunks: body, lexicon: defaultTestLexicon() });
    expect(scan.formatIssues.map((i) => i.line)).toEqual([1, 3]);
    expect(scan.records).toBe(3);
    expect(scan.sensitive.map((h) => [h.line, h.kind])).toEqual([
      [1, "openai-api-key"],
      [3, "openai-api-key"],
    ]);
    expect(scan.keys[2]!.exampleHash).toBe(scan.keys[0]!.exampleHash);
  });
});
