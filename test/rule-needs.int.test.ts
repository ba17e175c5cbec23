/** What the rules declare they need decides what the engine reads from a real git repository. */
import { describe, expect, it } from "@jest/globals";
import { buildInput } from "../src/build-input.js";
import { defaultConfig, parseRepoConfig } from "../src/config/load-config.js";
import { ruleList } from "../src/rules/registry.js";
import { LocalGitSource } from "../src/sources/local-git.js";
import { createTempRepo } from "./helpers/git-repo.js";

const config = (yaml: string) => {
  const parsed = parseRepoConfig(yaml);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.config;
};

describe("rule needs, read from git", () => {
  it("reads a modified training config's base version only when an enabled rule compares with it", async () => {
    const off = config("rules:\n  hub-unpinned: { enabled: false }\n  full-finetune: { enabled: false }\n");
    const repo = await createTempRepo();
    try {
      const axolotl = (r: number) =>
        `base_model: meta-llama/Llama-3.1-8B\nadapter: lora\nlora_r: ${r}\ndatasets:\n  - path: data/train.jsonl\n    type: chat_template\n`;
      await repo.commit({ "configs/lora.yml": axolotl(16) });
      await repo.branch("proposal");
      await repo.commit({ "configs/lora.yml": axolotl(8) });
      const inputWith = async (c: ReturnType<typeof config>) => {
        const source = await LocalGitSource.open(repo.dir, "main", "proposal");
        const baseReads: string[] = [];
        for (const method of ["readFile", "fileSize", "readStream"] as const) {
          const original = source[method].bind(source) as (ref: string, path: string) => unknown;
          (source as unknown as Record<string, unknown>)[method] = (ref: string, path: string) => {
            if (ref === source.base && path === "configs/lora.yml") baseReads.push(method);
            return original(ref, path);
          };
        }
        const input = await buildInput(source, c, ruleList, { estimate: false });
        return { artifact: input.artifacts.find((a) => a.path === "configs/lora.yml"), baseReads };
      };
      const read = await inputWith(defaultConfig());
      expect(read.artifact?.baseConfig).toEqual(expect.objectContaining({ framework: "axolotl", usesAdapter: true }));
      expect(read.baseReads.length).toBeGreaterThan(0);
      const skipped = await inputWith(off);
      expect(skipped.artifact).toEqual(expect.objectContaining({ kind: "training-config", status: "modified" }));
      expect(skipped.artifact?.baseConfig).toBeUndefined();
      expect(skipped.baseReads).toEqual([]);
    } finally {
      await repo.cleanup();
    }
  });
});
