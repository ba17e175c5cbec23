/** `hub-unpinned` on the real corpus configs: which keys, at which lines, each framework's upstream files name without a pin. */
import { describe, expect, it } from "@jest/globals";
import { detectFile } from "../../src/detect/index.js";
import { runRuleCase } from "../helpers/rule-tester.js";
import { contextWith, corpusFile } from "./corpus-helpers.js";

const CASES: [file: string, expected: string[]][] = [
  ["configs/axolotl/llama-3__lora-1b.yml", ["base_model@1", "datasets[0].path@6"]],
  ["configs/axolotl/mistral__dpo__mistral-dpo-qlora.yml", ["base_model@6", "datasets[0].path@19"]],
  ["configs/axolotl/llama-3__lora-1b-deduplicate-sft.yml", ["base_model@1", "datasets[0].path@12", "datasets[1].path@14"]],
  ["configs/llamafactory/train_lora__qwen3_lora_sft.yaml", ["model_name_or_path@2"]],
  ["configs/llamafactory/v1__train_lora__train_lora_sft.yaml", ["model@1"]],
  ["configs/trl/trl__cli_example_config.yaml", ["model_name_or_path@9", "dataset_name@11"]],
  [
    "configs/trl-alignment-handbook/zephyr-7b-beta__sft__config_qlora.old_95dc472.yaml",
    ["model_name_or_path@2", "dataset_mixer.HuggingFaceH4/ultrachat_200k@25"],
  ],
  ["configs/mlx-lm/lora_config.yaml", ["model@2", "data@20"]],
  ["configs/unsloth/studio__lora_text.yaml", ["model@1", "data.dataset@4"]],
  // torchtune recipes load their datasets through builders with the source inside; PEFT's adapters name no base model.
  ["configs/torchtune/llama3_2__1B_lora_single_device.yaml", []],
  ["configs/peft/lora-rank32__adapter_config.json", []],
];

describe("hub-unpinned on the corpus configs", () => {
  for (const [file, expected] of CASES) {
    it(file, async () => {
      const path = `repo/${file.split("/").pop()}`;
      const detection = await detectFile(path, corpusFile(file), contextWith({}));
      expect(detection?.config).toBeDefined();
      const artifact = { path, kind: detection!.kind, format: detection!.format, status: "added" as const, config: detection!.config! };
      const findings = await runRuleCase("hub-unpinned", { name: file, input: { artifacts: [artifact], headFiles: [path] } });
      expect(findings.map((f) => `${/^`([^`]+)` /.exec(f.message)?.[1]}@${f.line}`)).toEqual(expected);
    });
  }

  it("the alignment-handbook recipe's `model_revision: main` is a branch, which moves", async () => {
    const file = "configs/trl-alignment-handbook/zephyr-7b-beta__sft__config_qlora.yaml";
    const detection = await detectFile("recipes/sft.yaml", corpusFile(file), contextWith({}));
    const artifact = { path: "recipes/sft.yaml", kind: detection!.kind, format: detection!.format, status: "added" as const, config: detection!.config! };
    const [first] = await runRuleCase("hub-unpinned", { name: file, input: { artifacts: [artifact] } });
    expect(first?.message).toMatch(
      /^`model_name_or_path` on line 2 of recipes\/sft\.yaml names the Hub model `mistralai\/Mistral-7B-v0\.1` pinned by `model_revision` to the branch `main`, which moves/,
    );
  });
});
