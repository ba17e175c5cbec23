import { describe, expect, it } from "@jest/globals";
import { defaultConfig } from "../../src/config/load-config.js";
import { scanDataset } from "../../src/datasets/index.js";
import { detectFile } from "../../src/detect/index.js";
import { ruleRegistry } from "../../src/rules/registry.js";
import { scanLexicon } from "../../src/scan-lexicon.js";
import { runRules } from "../../src/run-rules.js";
import type { ReviewInput } from "../../src/types.js";
import { fixtureContext } from "../fixtures/fixture-files.js";

async function scanCsv(path: string, csv: string) {
  const body = Buffer.from(csv, "utf8");
  const detection = await detectFile(path, body, fixtureContext());
  const scan = await scanDataset({ path, format: detection!.format, role: "train", chunks: body, lexicon: scanLexicon() });
  return { detection, scan };
}

function input(path: string, format: string, datasets: ReviewInput["datasets"]): ReviewInput {
  return {
    base: "a".repeat(40),
    head: "b".repeat(40),
    headDate: new Date("2026-03-01T00:00:00Z"),
    config: defaultConfig(),
    changed: [{ path, status: "added" }],
    artifacts: [{ path, kind: "dataset", format, status: "added" }],
    proposal: [],
    datasets,
    labelSchemas: [],
    owners: [],
    headFiles: [path],
    evalFiles: [],
    contextConfigs: [],
    waivers: { entries: [], problems: [] },
    notes: [],
    proposes: false,
  };
}

describe("classification CSVs", () => {
  it.each([
    ["description,label", "Wall St. bears claw back into the black,Business"],
    ["sentence,intent", "I still have not received my new card,card_arrival"],
    ["utterance,label", "what is my balance,check_balance"],
    ["Text,Category", "Stocks rallied on Friday,business"],
  ])("reads %s as classification with its labels", async (header, row) => {
    const { detection, scan } = await scanCsv("data/train.csv", `${header}\n${row}\n`);
    expect(detection).toEqual({ kind: "dataset", format: "classification" });
    expect(scan.formatIssues).toEqual([]);
    expect(scan.records).toBe(1);
    expect(scan.labelCounts).toEqual({ [row.split(",").at(-1)!]: 1 });
  });

  it("says in a notice when a dataset's format is unknown, and says nothing for a known one", async () => {
    // The Kaggle SMS spam export: label and text under v1/v2.
    const { detection, scan } = await scanCsv("data/spam.csv", "v1,v2\nham,Ok lar... Joking wif u oni...\nspam,Free entry in 2 a wkly comp\n");
    expect(detection?.format).toBe("unknown");
    const findings = runRules([ruleRegistry.get("dataset-format")!], input("data/spam.csv", "unknown", [{ ...scan, change: "added" }]));
    expect(findings.map((f) => [f.severity, f.path, f.line, f.introduced])).toEqual([["notice", "data/spam.csv", undefined, true]]);
    expect(findings[0]!.message).toMatch(/^The record format of data\/spam\.csv was not recognised, so only parsing, encoding, secrets and duplicates were checked/);
    const known = await scanCsv("data/train.csv", "text,label\nhello,greet\n");
    expect(runRules([ruleRegistry.get("dataset-format")!], input("data/train.csv", "classification", [known.scan]))).toEqual([]);
  });
});
