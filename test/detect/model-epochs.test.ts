/** The base model and epochs detection reads from each framework's config, for the training estimate. */
import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { fixtureContext } from "../fixtures/fixture-files.js";

const ctx = fixtureContext();
const facts = async (path: string, text: string) => (await detectFile(path, Buffer.from(text), ctx))?.config;

describe("model and epochs facts", () => {
  it("reads an OpenAI job's model and hyperparameters.n_epochs, with the key's line", async () => {
    const job = `{\n  "training_file": "data/train.jsonl",\n  "model": "gpt-4o-mini-2024-07-18",\n  "hyperparameters": {\n    "n_epochs": 3\n  }\n}\n`;
    expect(await facts("ft/job.json", job)).toMatchObject({ framework: "openai", model: "gpt-4o-mini-2024-07-18", modelLine: 3, epochs: 3, epochsLine: 5 });
  });

  it("says n_epochs auto is not a number of epochs", async () => {
    const job = JSON.stringify({
      training_file: "data/train.jsonl",
      model: "gpt-4o",
      method: { type: "supervised", supervised: { hyperparameters: { n_epochs: "auto" } } },
    });
    const f = await facts("ft/job.json", job);
    expect(f).toMatchObject({ model: "gpt-4o", epochsAuto: true });
    expect(f?.epochs).toBeUndefined();
  });

  it("reads axolotl's base_model and num_epochs", async () => {
    const yml = "base_model: meta-llama/Llama-3.1-8B\nadapter: lora\nsequence_len: 4096\nnum_epochs: 2\ndatasets:\n  - path: data/train.jsonl\n";
    expect(await facts("configs/axolotl.yml", yml)).toMatchObject({
      framework: "axolotl",
      model: "meta-llama/Llama-3.1-8B",
      modelLine: 1,
      epochs: 2,
      epochsLine: 4,
    });
  });

  it("reads a TRL/Trainer file's model_name_or_path and num_train_epochs", async () => {
    const yml =
      "model_name_or_path: Qwen/Qwen2.5-7B\nnum_train_epochs: 1.5\nuse_peft: true\nlearning_rate: 2.0e-5\nper_device_train_batch_size: 4\noutput_dir: out\n";
    expect(await facts("recipes/sft.yml", yml)).toMatchObject({ model: "Qwen/Qwen2.5-7B", epochs: 1.5, epochsLine: 2 });
  });
});
