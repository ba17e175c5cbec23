import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { contextWith, corpusFile, readManifest } from "./corpus-helpers.js";

const rows = readManifest("datasets");

/** What each corpus dataset must be detected as, from its MANIFEST `format` column. */
function expected(row: Record<string, string>): { kind: string; format: string } {
  const format = row.format ?? "";
  if (format.startsWith("rasa domain")) return { kind: "label-schema", format: "rasa-domain" };
  if (format.startsWith("csv intent")) return { kind: "label-schema", format: "label-csv" };
  if (format.startsWith("rasa nlu.yml")) return { kind: "dataset", format: "rasa-nlu" };
  if (format.startsWith("rasa nlu.md")) return { kind: "dataset", format: "rasa-nlu-md" };
  if (format.startsWith("alpaca")) return { kind: "dataset", format: "alpaca" };
  if (format.startsWith("sharegpt")) return { kind: "dataset", format: "sharegpt" };
  if (format.startsWith("openai-chat")) return { kind: "dataset", format: "openai-chat" };
  if (format.startsWith("llamafactory-v1 DPO")) return { kind: "dataset", format: "preference" };
  if (format.startsWith("csv text,label")) return { kind: "dataset", format: "classification" };
  throw new Error(`no expectation for MANIFEST format "${format}": add one`);
}

describe("corpus datasets (one case per MANIFEST row)", () => {
  it("has rows", () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  for (const row of rows) {
    const local = row.local_file ?? "";
    const want = expected(row);
    const neutral = `corpus/${local.split("/").pop() ?? ""}`;
    for (const repoPath of [row.path ?? "", neutral]) {
      it(`${local} as ${repoPath}`, async () => {
        const detection = await detectFile(repoPath, corpusFile(local), contextWith());
        expect(detection).toEqual(want);
      });
    }
  }
});
