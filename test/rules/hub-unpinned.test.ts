/**
 * `hub-unpinned`: a table of facts through the engine, then our real-shaped configs of each framework
 * (test/fixtures/configs/hub/) through detection and the rule, keys and lines asserted.
 */
import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { parseHubId } from "../../src/detect/frameworks.js";
import type { Artifact, HubRef } from "../../src/types.js";
import { fixtureContext, fixtureFile } from "../fixtures/fixture-files.js";
import { ruleTester, runRuleCase } from "../helpers/rule-tester.js";
import { trainingConfig } from "./rule-cases.js";

const model = (over: Partial<HubRef> = {}): HubRef => ({ key: "base_model", id: "NousResearch/Llama-3.2-1B", kind: "model", line: 1, pinKey: "revision_of_model", ...over });
const withRefs = (hubRefs: HubRef[], over: Partial<Artifact> = {}) => ({ artifacts: [trainingConfig({ hubRefs }, over)] });

ruleTester("hub-unpinned", {
  valid: [
    { name: "no Hub reference", input: withRefs([]) },
    { name: "pinned to a full commit sha", input: withRefs([model({ revision: "8c3d9ba4a0b71ec1a6f4a1ea0b7e1f3c5d2e9a10", revisionKey: "revision_of_model" })]) },
    { name: "pinned to a short sha", input: withRefs([model({ revision: "2F1D6B8", revisionKey: "revision_of_model" })]) },
    { name: "an `@sha` suffix", input: withRefs([model({ revision: "2f1d6b8", revisionKey: "base_model" })]) },
    { name: "a removed config", input: withRefs([model()], { status: "removed" }) },
    {
      name: "an owner/name that is a folder in the repository",
      input: { ...withRefs([model({ key: "datasets[0].path", id: "support/chats", kind: "dataset" })]), headFiles: ["support/chats/train.jsonl"] },
    },
    { name: "a training output folder that is not committed", input: withRefs([model({ key: "model_name_or_path", id: "saves/llama3-8b-sft" }), model({ id: "Outputs/merged" })]) },
    {
      name: "an owner/name beside the config",
      input: { ...withRefs([model({ id: "router/base" })]), headFiles: ["configs/router/base/config.json"] },
    },
    {
      name: "a registry entry reported by the registry itself when it changes too",
      input: {
        artifacts: [
          trainingConfig({ hubRefs: [model({ key: "dataset", id: "llamafactory/alpaca_en", kind: "dataset", file: "data/dataset_info.json", pinKey: undefined })] }, { format: "llamafactory" }),
          trainingConfig({ registry: true }, { path: "data/dataset_info.json", format: "llamafactory" }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: "no revision, at the key's line, naming the pin key",
      input: withRefs([model()]),
      findings: [
        {
          path: "configs/train.yml",
          line: 1,
          severity: "notice",
          introduced: true,
          message:
            "`base_model` on line 1 of configs/train.yml names the Hub model `NousResearch/Llama-3.2-1B` with no revision, so each run takes whatever the repository holds that day; set `revision_of_model` to a commit sha.",
        },
      ],
    },
    {
      name: "a branch moves",
      input: withRefs([model({ key: "model_name_or_path", revision: "main", revisionKey: "model_revision", pinKey: "model_revision", line: 2 })]),
      findings: [{ line: 2, message: /`model_name_or_path` on line 2 of configs\/train\.yml names the Hub model `NousResearch\/Llama-3\.2-1B` pinned by `model_revision` to the branch `main`, which moves; set `model_revision` to a commit sha\.$/ }],
    },
    {
      name: "a tag can be moved",
      input: withRefs([model({ key: "datasets[0].path", kind: "dataset", revision: "v1.0", revisionKey: "datasets[0].revision", pinKey: "datasets[0].revision", line: 6 })]),
      findings: [{ line: 6, message: /names the Hub dataset .* pinned by `datasets\[0\]\.revision` to the tag `v1\.0`, which can be moved; set `datasets\[0\]\.revision` to a commit sha\.$/ }],
    },
    {
      name: "an `@branch` suffix",
      input: withRefs([model({ revision: "main", revisionKey: "base_model" })]),
      findings: [{ message: /pinned to the branch `main`, which moves; write a commit sha after the `@` in `base_model`\.$/ }],
    },
    {
      name: "a framework with no revision key says how to pin otherwise",
      input: withRefs([model({ key: "model", pinKey: undefined })]),
      findings: [{ message: /; axolotl reads no revision for `model`, so train from a copy in the repository or a mirror fixed at a commit\.$/ }],
    },
    {
      name: "a registry entry through an unchanged registry, at the config's key",
      input: withRefs([model({ key: "dataset", id: "llamafactory/alpaca_en", kind: "dataset", file: "data/dataset_info.json", pinKey: undefined, line: 11 })]),
      findings: [{ line: 11, message: /^`dataset` on line 11 of configs\/train\.yml names the Hub dataset `llamafactory\/alpaca_en` \(through data\/dataset_info\.json\) with no revision/ }],
    },
    {
      name: "a reference the base version already named the same way is existing; a new or re-pinned one is introduced",
      input: withRefs([model(), model({ key: "datasets[0].path", id: "teknium/GPT4-LLM-Cleaned", kind: "dataset", line: 6, revision: "main", revisionKey: "datasets[0].revision" })], {
        status: "modified",
        baseConfig: { framework: "axolotl", infrastructure: false, usesAdapter: true, referencesEval: false, datasetPaths: [], evalPaths: [], hubRefs: [model({ line: 3 }), model({ key: "datasets[0].path", id: "teknium/GPT4-LLM-Cleaned", kind: "dataset", line: 5 })] },
      }),
      findings: [
        { line: 1, introduced: false },
        { line: 6, introduced: true },
      ],
    },
    {
      name: "a dataset inserted above the others introduces only itself (list indexes shift)",
      input: withRefs(
        [
          model({ key: "datasets[0].path", id: "yahma/alpaca-cleaned", kind: "dataset", line: 5 }),
          model({ key: "datasets[1].path", id: "teknium/GPT4-LLM-Cleaned", kind: "dataset", line: 7 }),
        ],
        {
          status: "modified",
          baseConfig: {
            framework: "axolotl",
            infrastructure: false,
            usesAdapter: true,
            referencesEval: false,
            datasetPaths: [],
            evalPaths: [],
            hubRefs: [model({ key: "datasets[0].path", id: "teknium/GPT4-LLM-Cleaned", kind: "dataset", line: 5 })],
          },
        },
      ),
      findings: [
        { line: 5, introduced: true },
        { line: 7, introduced: false },
      ],
    },
    {
      name: "one finding per reference, and a severity from the repo config",
      input: withRefs([model(), model({ key: "datasets[0].path", id: "teknium/GPT4-LLM-Cleaned", kind: "dataset", line: 6 })]),
      options: { severity: "warning" },
      findings: [
        { line: 1, severity: "warning" },
        { line: 6, severity: "warning" },
      ],
    },
  ],
});

describe("what reads as a Hub id", () => {
  it.each([
    ["meta-llama/Llama-3.2-1B", { id: "meta-llama/Llama-3.2-1B" }],
    ["Qwen/Qwen2.5-0.5B", { id: "Qwen/Qwen2.5-0.5B" }],
    [" HuggingFaceH4/ultrachat_200k ", { id: "HuggingFaceH4/ultrachat_200k" }],
    ["org/name@2f1d6b8", { id: "org/name", revision: "2f1d6b8" }],
    ["org/name@refs/pr/3", { id: "org/name", revision: "refs/pr/3" }],
  ])("%s is a Hub id", (raw, want) => {
    expect(parseHubId(raw)).toEqual(want);
  });

  it.each(["gpt-4o-mini-2024-07-18", "json", "./data/train", "/models/llama", "~/models/llama", "data/train.jsonl", "data/alpaca.json",
    "corpus/part.parquet", "https://huggingface.co/org/name", "s3://bucket/key", "${MODEL}/name", "org/name/sub", "../org/name", "org/name@", "", null, 3])(
    "%p is not",
    (raw) => {
      expect(parseHubId(raw)).toBeUndefined();
    },
  );
});

/** What the rule says about one fixture config detected at `repoPath`, as `key@line` and the message. */
async function review(fixture: string, repoPath: string, opts: { headFiles?: string[]; files?: Record<string, string> } = {}) {
  const detection = await detectFile(repoPath, fixtureFile(`configs/hub/${fixture}`), fixtureContext(opts.files ?? {}));
  if (!detection?.config) throw new Error(`${fixture} was not detected as a config`);
  const artifact: Artifact = { path: repoPath, kind: detection.kind, format: detection.format, status: "added", config: detection.config };
  const findings = await runRuleCase("hub-unpinned", { name: fixture, input: { artifacts: [artifact], headFiles: [repoPath, ...(opts.headFiles ?? [])] } });
  return { detection, findings, at: findings.map((f) => `${/^`([^`]+)` /.exec(f.message)?.[1]}@${f.line}`) };
}

describe("hub-unpinned on real-shaped configs of each framework", () => {
  it("axolotl: base_model on a branch, a Hub dataset with no revision, a test dataset on a tag; local paths quiet", async () => {
    const { detection, at, findings } = await review("axolotl-unpinned.yml", "configs/lora.yml", { headFiles: ["data/support_chats.jsonl"] });
    expect(detection.format).toBe("axolotl");
    expect(at).toEqual(["base_model@2", "datasets[0].path@6", "test_datasets[0].path@12"]);
    expect(findings[0]!.message).toMatch(/pinned by `revision_of_model` to the branch `main`, which moves; set `revision_of_model` to a commit sha\.$/);
    expect(findings[1]!.message).toMatch(/`teknium\/GPT4-LLM-Cleaned` with no revision.*set `datasets\[0\]\.revision` to a commit sha\.$/);
    expect(findings[2]!.message).toMatch(/to the tag `v1\.0`/);
  });

  it("axolotl: quiet when pinned to commits and the other dataset is a folder in the repository", async () => {
    const { detection, at } = await review("axolotl-pinned.yml", "configs/lora.yml", { headFiles: ["support_data/chats/part-0.jsonl"] });
    expect(detection.config?.hubRefs?.map((r) => r.revision)).toEqual(["8c3d9ba4a0b71ec1a6f4a1ea0b7e1f3c5d2e9a10", "2f1d6b8", undefined]);
    expect(at).toEqual([]);
    // Without the folder at head, `support_data/chats` reads as a Hub dataset.
    expect((await review("axolotl-pinned.yml", "configs/lora.yml")).at).toEqual(["datasets[1].path@9"]);
  });

  it("TRL: model_revision main is a branch; dataset_name has no revision key in TRL", async () => {
    const { detection, at, findings } = await review("trl-unpinned.yaml", "recipes/sft.yaml");
    expect(detection.format).toBe("trl");
    expect(at).toEqual(["model_name_or_path@2", "dataset_name@4"]);
    expect(findings[1]!.message).toMatch(/trl reads no revision for `dataset_name`/);
  });

  it("TRL: quiet with the model pinned and the data local", async () => {
    expect((await review("trl-pinned.yaml", "recipes/sft.yaml", { headFiles: ["data/support_chats.jsonl"] })).at).toEqual([]);
  });

  it("alignment-handbook: the pinned model is quiet, the mixture's dataset is not", async () => {
    const { detection, at } = await review("handbook-unpinned.yaml", "recipes/zephyr/sft/config_qlora.yaml");
    expect(detection.format).toBe("trl-alignment-handbook");
    expect(at).toEqual(["dataset_mixture.datasets[0].id@9"]);
  });

  it("LLaMA-Factory: the model, and a dataset name that dataset_info.json maps to the Hub", async () => {
    const files = { "data/dataset_info.json": "configs/hub/data/dataset_info.json" };
    const { detection, at, findings } = await review("llamafactory-unpinned.yaml", "examples/train_lora/sft.yaml", { files, headFiles: ["data/dataset_info.json"] });
    expect(detection.format).toBe("llamafactory");
    expect(at).toEqual(["model_name_or_path@2", "dataset@11"]);
    expect(findings[1]!.message).toMatch(/`llamafactory\/alpaca_en` \(through data\/dataset_info\.json\) with no revision/);
  });

  it("LLaMA-Factory: quiet with model_revision a commit and a local dataset", async () => {
    const files = { "data/dataset_info.json": "configs/hub/data/dataset_info.json" };
    expect((await review("llamafactory-pinned.yaml", "examples/train_lora/sft.yaml", { files })).at).toEqual([]);
  });

  it("LLaMA-Factory: a changed dataset_info.json reports its own Hub entries", async () => {
    const { detection, at } = await review("data/dataset_info.json", "data/dataset_info.json");
    expect(detection.config?.registry).toBe(true);
    expect(at).toEqual(["alpaca_en.hf_hub_url@6"]);
  });

  it("torchtune: dataset.source on the Hub, quiet once dataset.revision is a commit", async () => {
    const unpinned = await review("torchtune-unpinned.yaml", "recipes/configs/lora.yaml");
    expect(unpinned.detection.format).toBe("torchtune");
    expect(unpinned.at).toEqual(["dataset.source@15"]);
    expect(unpinned.findings[0]!.message).toMatch(/set `dataset\.revision` to a commit sha\.$/);
    expect((await review("torchtune-pinned.yaml", "recipes/configs/lora.yaml")).at).toEqual([]);
  });

  it("unsloth: the model and the dataset; quiet when both are in the repository", async () => {
    const unpinned = await review("unsloth-unpinned.yaml", "studio/configs/lora.yaml");
    expect(unpinned.detection.format).toBe("unsloth");
    expect(unpinned.at).toEqual(["model@2", "data.dataset@5"]);
    expect((await review("unsloth-local.yaml", "studio/configs/lora.yaml", { headFiles: ["data/support_chats.jsonl"] })).at).toEqual([]);
  });

  it("MLX-LM: the model and a Hub dataset in `data`; quiet for a local model folder and data folder", async () => {
    const unpinned = await review("mlx-lm-unpinned.yaml", "lora/lora_config.yaml");
    expect(unpinned.detection.format).toBe("mlx-lm");
    expect(unpinned.at).toEqual(["model@2", "data@5"]);
    const local = await review("mlx-lm-local.yaml", "lora/lora_config.yaml", { headFiles: ["models/mistral-7b-4bit/config.json", "data/train.jsonl"] });
    expect(local.at).toEqual([]);
  });

  it("PEFT and HF Trainer arguments: quiet when `revision` / `model_revision` is a commit", async () => {
    const peft = await review("peft-pinned-adapter_config.json", "adapters/support/adapter_config.json");
    expect(peft.detection.config?.hubRefs).toEqual([expect.objectContaining({ key: "base_model_name_or_path", line: 2, revisionKey: "revision" })]);
    expect(peft.at).toEqual([]);
    const trainer = await review("hf-trainer-pinned.yaml", "train/args.yaml", { headFiles: ["data/support_text.txt"] });
    expect(trainer.detection.format).toBe("hf-trainer");
    expect(trainer.detection.config?.hubRefs).toEqual([expect.objectContaining({ key: "model_name_or_path", line: 2, revisionKey: "model_revision" })]);
    expect(trainer.at).toEqual([]);
  });

  it("OpenAI job specs name no Hub ids", async () => {
    const detection = await detectFile("jobs/ft.json", fixtureFile("configs/openai-job.json"), fixtureContext());
    expect(detection?.format).toBe("openai");
    expect(detection?.config?.hubRefs).toBeUndefined();
  });
});
