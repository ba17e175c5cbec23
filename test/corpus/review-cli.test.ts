/**
 * The real samples in the corpus (see corpus-dir.ts), committed into temp git repositories and reviewed through the
 * CLI: each yields the findings its quirks imply (see the corpus README and MANIFEST.tsv).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { requireCorpusDir } from "./corpus-dir.js";

const corpusDir = requireCorpusDir();
import { reviewScenario, type ScenarioResult } from "../helpers/proposal-scenario.js";

const corpus = corpusDir;
const read = (rel: string) => readFileSync(resolve(corpus, rel));
const readText = (rel: string) => read(rel).toString("utf8");
const of = (r: ScenarioResult, ruleId: string) => r.json.findings.filter((f) => f.ruleId === ruleId);
const OWNED = { ".github/CODEOWNERS": "* @acme/ml-platform\n" };
const BODY = "Alternatives: prompting and retrieval were tried. Latency budget p95 300 ms; retraining monthly.\n";

describe("corpus datasets", () => {
  it("OpenAI's toy chat file: the 26,000-character turn is too long, and five examples are too few", async () => {
    const r = await reviewScenario({
      bare: true,
      base: OWNED,
      head: { "data/toy_chat.jsonl": read("datasets/openai-cookbook/toy_chat_fine_tuning.jsonl") },
      body: BODY,
    });
    expect(r.json.artifacts).toEqual([{ path: "data/toy_chat.jsonl", kind: "dataset", format: "openai-chat" }]);
    expect(of(r, "dataset-length")).toEqual([expect.objectContaining({ path: "data/toy_chat.jsonl", line: 5, severity: "notice" })]);
    expect(of(r, "dataset-size")[0]!.message).toMatch(/5 valid training examples/);
    expect(of(r, "dataset-format")).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("axolotl's missing-turns fixture: the empty assistant turn is an empty target on its line", async () => {
    const r = await reviewScenario({
      bare: true,
      base: OWNED,
      head: { "data/conversation.json": read("datasets/axolotl/conversation.missingturns.json") },
      body: BODY,
    });
    expect(r.json.artifacts[0]).toMatchObject({ kind: "dataset", format: "sharegpt" });
    const empty = of(r, "dataset-length").filter((f) => /empty target/.test(f.message));
    expect(empty).toEqual([expect.objectContaining({ path: "data/conversation.json", line: 9 })]);
  });

  it("LLaMA-Factory's identity set: 85 of 91 targets bake in {{name}}/{{author}} placeholders", async () => {
    const r = await reviewScenario({ bare: true, base: OWNED, head: { "data/identity.json": read("datasets/llamafactory/identity.json") }, body: BODY });
    const found = of(r, "business-rules-in-data");
    expect(found.length).toBe(21); // 20 listed, one that counts the rest
    expect(found[0]).toMatchObject({ path: "data/identity.json", line: 2, severity: "warning" });
    expect(found[0]!.message).toMatch(/85 of 91 targets \(93.4%\)/);
    expect(found[20]!.message).toMatch(/65 more business-rules-in-data finding/);
  });

  it("the DPO demo parses cleanly", async () => {
    const r = await reviewScenario({ bare: true, base: OWNED, head: { "data/dpo.jsonl": read("datasets/llamafactory/v1_dpo_demo.jsonl") }, body: BODY });
    expect(r.json.artifacts[0]).toMatchObject({ kind: "dataset", format: "preference" });
    expect(of(r, "dataset-format")).toEqual([]);
    expect(of(r, "dataset-size")[0]!.message).toMatch(/10 valid training examples/);
  });

  it("cleanlab's banking intents: 1,000 examples over 10 balanced labels raise nothing on data quality", async () => {
    const r = await reviewScenario({
      bare: true,
      base: OWNED,
      head: { "data/banking.csv": read("datasets/cleanlab/banking-intent-classification.csv") },
      body: BODY,
    });
    expect(r.json.artifacts[0]).toMatchObject({ kind: "dataset", format: "classification" });
    for (const id of ["dataset-format", "dataset-size", "dataset-balance", "dataset-sensitive"]) expect(of(r, id)).toEqual([]);
  });

  it("rasa-demo's nlu.yml: the rarest intents are flagged against the largest", async () => {
    const r = await reviewScenario({ bare: true, base: OWNED, head: { "data/nlu/nlu.yml": read("datasets/rasa/rasa-demo__nlu.yml") }, body: BODY });
    expect(r.json.artifacts[0]).toMatchObject({ kind: "dataset", format: "rasa-nlu" });
    const balance = of(r, "dataset-balance");
    expect(balance.length).toBeGreaterThan(0);
    expect(balance.every((f) => f.path === "data/nlu/nlu.yml" && typeof f.line === "number")).toBe(true);
  });

  it("rasa-demo's domain.yml at 35b97c07 cuts 69 intents to 37", async () => {
    const r = await reviewScenario({
      bare: true,
      base: { ...OWNED, "domain.yml": read("datasets/rasa/rasa-demo__domain.before_35b97c07.yml") },
      head: { "domain.yml": read("datasets/rasa/rasa-demo__domain.at_35b97c07.yml") },
      body: BODY,
    });
    expect(r.json.artifacts).toEqual([{ path: "domain.yml", kind: "label-schema", format: "rasa-domain" }]);
    const change = of(r, "label-schema-change");
    expect(change).toHaveLength(1);
    expect(change[0]!.message).toMatch(/goes from 69 to 37 labels/);
    expect(change[0]!.message).toMatch(/added 2 \(chitchat, faq\); removed 34/);
  });
});

describe("corpus configs", () => {
  const pre = "configs/llamafactory/train_lora__llama3_lora_sft.eval_enabled_pre332f637.yaml";

  it("LLaMA-Factory llama3_lora_sft: the eval-enabled version is quiet, switching validation off is not", async () => {
    const before = readText(pre);
    const after = before.replace(/^(val_size|per_device_eval_batch_size|eval_strategy|eval_steps|do_eval|eval_dataset):/gm, "# $1:");
    expect(after).not.toBe(before);
    const registry = { "data/dataset_info.json": read("configs/llamafactory/data__dataset_info.json") };
    const quiet = await reviewScenario({
      bare: true,
      base: { ...OWNED, ...registry },
      head: { "examples/train_lora/llama3_lora_sft.yaml": before },
      body: BODY,
    });
    expect(quiet.json.artifacts[0]).toMatchObject({ kind: "training-config", format: "llamafactory" });
    expect(of(quiet, "eval-suite")).toEqual([]);
    const fires = await reviewScenario({
      bare: true,
      base: { ...OWNED, ...registry },
      head: { "examples/train_lora/llama3_lora_sft.yaml": after },
      body: BODY,
    });
    expect(of(fires, "eval-suite")).toEqual([expect.objectContaining({ path: "examples/train_lora/llama3_lora_sft.yaml", severity: "warning" })]);
  });

  it("alignment-handbook zephyr QLoRA: mixing the test split into training is leakage; the old recipe is not", async () => {
    const path = "recipes/zephyr-7b-beta/sft/config_qlora.yaml";
    const old = await reviewScenario({
      bare: true,
      base: OWNED,
      head: { [path]: read("configs/trl-alignment-handbook/zephyr-7b-beta__sft__config_qlora.old_95dc472.yaml") },
      body: BODY,
    });
    expect(of(old, "eval-leakage")).toEqual([]);
    const mixed = await reviewScenario({
      bare: true,
      base: OWNED,
      head: { [path]: read("configs/trl-alignment-handbook/zephyr-7b-beta__sft__config_qlora.yaml") },
      body: BODY,
    });
    const leak = of(mixed, "eval-leakage");
    expect(leak).toHaveLength(1);
    expect(leak[0]).toMatchObject({ path, severity: "error" });
    expect(leak[0]!.message).toMatch(/"test_sft" of HuggingFaceH4\/ultrachat_200k/);
    expect(leak[0]!.line).toBeGreaterThan(24);
    expect(mixed.code).toBe(1);
  });

  it("a PR that changes only accelerate/DeepSpeed configs gets the ownership rule alone", async () => {
    const r = await reviewScenario({
      bare: true,
      head: {
        "examples/accelerate_configs/deepspeed_zero3.yaml": read("configs/accelerate/trl__deepspeed_zero3.yaml"),
        "examples/deepspeed/ds_z3_config.json": read("configs/deepspeed/llamafactory__ds_z3_config.json"),
      },
      body: "",
    });
    expect(r.json.artifacts.map((a) => a.format).sort()).toEqual(["accelerate", "deepspeed"]);
    expect(r.json.findings.map((f) => f.ruleId)).toEqual(["ownership", "ownership"]);
  });
});
