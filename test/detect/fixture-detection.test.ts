/**
 * Detection of the framework and dataset fixtures in test/fixtures/ (written by us in the real
 * frameworks' shapes): the default-tier counterpart of the corpus tier's one-case-per-MANIFEST-row suites.
 */
import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { fixtureContext, fixtureFile } from "../fixtures/fixture-files.js";

type ConfigCase = [file: string, repoPath: string, format: string, usesAdapter: boolean | null, referencesEval: boolean, infrastructure: boolean];

const CONFIGS: ConfigCase[] = [
  ["configs/axolotl-lora.yml", "examples/llama-3/lora-1b.yml", "axolotl", true, true, false],
  ["configs/llamafactory-lora-sft.yaml", "examples/train_lora/llama3_lora_sft.yaml", "llamafactory", true, true, false],
  ["configs/torchtune-lora.yaml", "recipes/configs/llama3_2/1B_lora_single_device.yaml", "torchtune", true, false, false],
  ["configs/trl-sft.yaml", "recipes/sft.yaml", "trl", true, true, false],
  ["configs/peft-adapter_config.json", "adapters/support/adapter_config.json", "peft", true, false, false],
  ["configs/openai-job.json", "jobs/fine_tune.json", "openai", null, true, false],
  ["configs/mlx-lm-lora.yaml", "lora/lora_config.yaml", "mlx-lm", true, true, false],
  ["configs/unsloth-studio-lora.yaml", "studio/configs/lora_text.yaml", "unsloth", true, false, false],
  ["configs/hf-trainer-args.yaml", "train/args.yaml", "hf-trainer", null, false, false],
  ["configs/accelerate-fsdp.yaml", "configs/accelerate/fsdp.yaml", "accelerate", null, false, true],
  ["configs/deepspeed-zero2.json", "configs/ds_z2_config.json", "deepspeed", null, false, true],
];

const DATASETS: [file: string, kind: string, format: string][] = [
  ["datasets/openai-chat.jsonl", "dataset", "openai-chat"],
  ["datasets/prompt-completion.jsonl", "dataset", "prompt-completion"],
  ["datasets/alpaca.json", "dataset", "alpaca"],
  ["datasets/sharegpt.json", "dataset", "sharegpt"],
  ["datasets/preference.jsonl", "dataset", "preference"],
  ["datasets/classification.csv", "dataset", "classification"],
  ["datasets/nlu.yml", "dataset", "rasa-nlu"],
  ["datasets/nlu.md", "dataset", "rasa-nlu-md"],
  ["datasets/domain.yml", "label-schema", "rasa-domain"],
  ["datasets/intent_description_mapping.csv", "label-schema", "label-csv"],
];

const NEGATIVES: [file: string, repoPath: string][] = [
  ["negatives/docker-compose.yml", "docker-compose.yml"],
  ["negatives/workflow.yml", ".github/workflows/train.yml"],
  ["negatives/mkdocs.yml", "mkdocs.yml"],
  ["negatives/dependabot.yml", ".github/dependabot.yml"],
  ["negatives/helm-values.yaml", "deploy/values.yaml"],
  ["negatives/package.json", "package.json"],
  ["negatives/tsconfig.json", "tsconfig.json"],
  ["negatives/codecov.yml", "codecov.yml"],
];

/** A path that tells detection nothing, so content alone decides (file names a framework owns are kept). */
function neutral(repoPath: string): string {
  const base = repoPath.split("/").pop() ?? "";
  if (base === "adapter_config.json") return `experiments/${base}`;
  return `experiments/x${base.slice(base.lastIndexOf("."))}`;
}

describe("fixture configs: each framework's shape, at its upstream path and at a neutral one", () => {
  for (const [file, repoPath, format, usesAdapter, referencesEval, infrastructure] of CONFIGS) {
    for (const at of [repoPath, neutral(repoPath)]) {
      it(`${file} as ${at}`, async () => {
        const detection = await detectFile(at, fixtureFile(file), fixtureContext());
        expect(detection).toMatchObject({ kind: "training-config", format });
        expect(detection?.unreadable).toBeUndefined();
        expect(detection?.config).toMatchObject({ framework: format, usesAdapter, referencesEval, infrastructure });
      });
    }
  }

  it("reads the adapter and sequence-length lines of an axolotl config", async () => {
    const detection = await detectFile("x.yml", fixtureFile("configs/axolotl-lora.yml"), fixtureContext());
    expect(detection?.config).toMatchObject({ adapterLine: 12, sequenceLength: 2048 });
  });

  it("reads an OpenAI job's training and validation files with their lines", async () => {
    const detection = await detectFile("jobs/ft.json", fixtureFile("configs/openai-job.json"), fixtureContext());
    expect(detection?.config).toMatchObject({
      datasetPaths: ["data/support_train.jsonl"],
      evalPaths: ["data/support_valid.jsonl"],
      pathLines: { "data/support_train.jsonl": 3, "data/support_valid.jsonl": 4 },
    });
  });

  it("reads LLaMA-Factory's data/dataset_info.json as a registry of local files, skipping hub entries", async () => {
    const detection = await detectFile("data/dataset_info.json", fixtureFile("configs/llamafactory-dataset_info.json"), fixtureContext());
    expect(detection).toMatchObject({ kind: "training-config", format: "llamafactory" });
    expect(detection?.config).toMatchObject({
      registry: true,
      datasetPaths: ["data/identity.json", "data/alpaca_en_demo.json", "data/dpo_en_demo.json"],
      pathLines: { "data/identity.json": 3, "data/alpaca_en_demo.json": 6, "data/dpo_en_demo.json": 9 },
    });
  });
});

describe("fixture datasets and label schemas", () => {
  for (const [file, kind, format] of DATASETS) {
    const base = file.split("/").pop() ?? "";
    for (const at of [`data/${base}`, `misc/${base}`]) {
      it(`${file} as ${at}`, async () => {
        await expect(detectFile(at, fixtureFile(file), fixtureContext())).resolves.toEqual({ kind, format });
      });
    }
  }
});

describe("fixture negatives: non-ML YAML/JSON is never an artifact", () => {
  for (const [file, repoPath] of NEGATIVES) {
    for (const at of [repoPath, file, `misc/${file.split("/").pop() ?? ""}`]) {
      it(`${file} as ${at}`, async () => {
        await expect(detectFile(at, fixtureFile(file), fixtureContext())).resolves.toBeNull();
      });
    }
  }
});
