import { describe, it, expect } from "@jest/globals";
import { scanDataset } from "../../src/datasets/index.js";
import { detectFile } from "../../src/detect/index.js";
import { fixtureContext } from "../fixtures/fixture-files.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

// The shape of LLaMA-Factory's data/dpo_en_demo.json: a ShareGPT prompt plus chosen/rejected turns.
const ranking = [
  {
    conversations: [{ from: "human", value: "Name a primary colour." }],
    chosen: { from: "gpt", value: "Red is a primary colour." },
    rejected: { from: "gpt", value: "Green, I think." },
  },
  {
    conversations: [{ from: "human", value: "What is 2 + 2?" }],
    chosen: { from: "gpt", value: "4" },
    rejected: { from: "gpt", value: "" },
  },
  { conversations: [{ from: "human", value: "Say hi." }], chosen: { from: "gpt", value: "Hi!" } },
];

describe("LLaMA-Factory ranking data", () => {
  it("is read as preference pairs, not ShareGPT, and names the record that lacks a side", async () => {
    const body = Buffer.from(JSON.stringify(ranking, null, 2), "utf8");
    const detection = await detectFile("data/dpo_en_demo.json", body, fixtureContext());
    expect(detection?.format).toBe("preference");
    const scan = await scanDataset({ path: "data/dpo_en_demo.json", format: detection!.format, role: "train", chunks: body, lexicon: defaultTestLexicon() });
    // The third element opens at line 34 of the pretty-printed file.
    expect(scan.records).toBe(2);
    expect(scan.formatIssues.map((i) => i.message)).toEqual(['line 34: missing "rejected"']);
  });
});
