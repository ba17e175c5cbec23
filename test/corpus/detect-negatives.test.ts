import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { contextWith, corpusFile, readManifest } from "./corpus-helpers.js";

const rows = readManifest("negatives");

describe("corpus negatives: real non-ML YAML/JSON is never an artifact", () => {
  it("has rows", () => {
    expect(rows.length).toBeGreaterThan(30);
  });

  for (const row of rows) {
    const local = row.local_file ?? "";
    // Under the corpus file name the deny list does not apply, so content alone must say no.
    for (const repoPath of [row.path ?? "", local, local.replace(/^negatives\//, "")]) {
      it(`${local} as ${repoPath}`, async () => {
        await expect(detectFile(repoPath, corpusFile(local), contextWith())).resolves.toBeNull();
      });
    }
  }
});
