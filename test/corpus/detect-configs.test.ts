import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { contextWith, corpusFile, readManifest } from "./corpus-helpers.js";

const rows = readManifest("configs");

// Files a framework identifies by name alone (PEFT's experiment training_params.json holds only an
// optimizer override): under a neutral folder they keep their file name.
const IDENTIFIED_BY_NAME = new Set(["configs/peft/full-finetuning__training_params.json"]);

// Other files of the same upstream repositories, served through ctx.readFile at their upstream paths.
function upstreamFiles(repo: string): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.repo === repo).map((r) => [r.path as string, r.local_file as string]));
}

function expectedAdapter(value: string | undefined): boolean | null {
  if (value === "yes") return true;
  if (value === "no") return false;
  return null;
}

function neutralPath(row: Record<string, string>): string {
  const upstream = row.path ?? "";
  if (IDENTIFIED_BY_NAME.has(row.local_file ?? "")) return `experiments/${path.posix.basename(upstream)}`;
  return `experiments/x${path.posix.extname(upstream)}`;
}

describe("corpus configs (one case per MANIFEST row)", () => {
  it("has rows", () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  for (const row of rows) {
    const local = row.local_file ?? "";
    const expectedKind = local.endsWith("torchtune/llama3_2__evaluation.yaml") ? "eval-suite" : "training-config";
    const infrastructure = row.framework === "accelerate" || row.framework === "deepspeed";

    for (const repoPath of [row.path ?? "", neutralPath(row)]) {
      it(`${local} as ${repoPath}`, async () => {
        const detection = await detectFile(repoPath, corpusFile(local), contextWith(upstreamFiles(row.repo ?? "")));
        expect(detection).not.toBeNull();
        expect(detection?.kind).toBe(expectedKind);
        expect(detection?.format).toBe(row.framework);
        expect(detection?.unreadable).toBeUndefined();
        const config = detection?.config;
        expect(config?.framework).toBe(row.framework);
        expect(config?.usesAdapter).toBe(expectedAdapter(row.uses_adapter));
        expect(config?.referencesEval).toBe(row.references_eval === "yes");
        expect(config?.infrastructure).toBe(infrastructure);
      });
    }
  }
});
