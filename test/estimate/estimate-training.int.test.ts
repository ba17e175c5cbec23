/**
 * The training estimate: tokenizers by model, exact counts that equal gpt-tokenizer's, samples of
 * large files, pricing, and the whole path through `review()` on a real git repository.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { countTokens as o200k } from "gpt-tokenizer/encoding/o200k_base";
import { countTokens as cl100k } from "gpt-tokenizer/encoding/cl100k_base";
import { scanDataset } from "../../src/datasets/index.js";
import { SAMPLE_CHARS } from "../../src/datasets/text-sample.js";
import { datasetTokens, estimateTraining, loadTokenizer, priceFor, providerExampleLimit, tokenizerFor } from "../../src/estimate/index.js";
import { review } from "../../src/review.js";
import { scanLexicon } from "../../src/scan-lexicon.js";
import { LocalGitSource } from "../../src/sources/local-git.js";
import { renderJson } from "../../src/render/render-json.js";
import { renderText } from "../../src/render/render-text.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import type { ConfigFacts, DatasetScan } from "../../src/types.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const chatLine = (user: string, assistant: string, system?: string) =>
  JSON.stringify({
    messages: [...(system ? [{ role: "system", content: system }] : []), { role: "user", content: user }, { role: "assistant", content: assistant }],
  });

/** The cookbook's count of one chat example: 3 per example, 3 + 1 (role) per message, plus the contents. */
const cookbook = (count: (s: string) => number, contents: string[]) => 3 + contents.reduce((n, c) => n + 4 + count(c), 0);

async function scan(text: string, format = "openai-chat"): Promise<DatasetScan> {
  return scanDataset({ path: "data/train.jsonl", format, role: "train", chunks: Buffer.from(text), lexicon: scanLexicon(), workers: 0 });
}

const facts = (over: Partial<ConfigFacts>): ConfigFacts => ({
  framework: "openai",
  usesAdapter: null,
  referencesEval: false,
  datasetPaths: ["data/train.jsonl"],
  evalPaths: [],
  infrastructure: false,
  ...over,
});

describe("tokenizerFor", () => {
  it.each([
    ["gpt-4o-mini-2024-07-18", "o200k_base"],
    ["gpt-4o", "o200k_base"],
    ["gpt-4.1-nano", "o200k_base"],
    ["o4-mini", "o200k_base"],
    ["ft:gpt-4o-mini-2024-07-18:acme::abc123", "o200k_base"],
    ["gpt-3.5-turbo-0125", "cl100k_base"],
    ["gpt-4-0613", "cl100k_base"],
    ["davinci-002", "cl100k_base"],
    ["babbage-002", "cl100k_base"],
    ["meta-llama/Llama-3.1-8B-Instruct", undefined],
    ["mistralai/Mistral-7B-v0.1", undefined],
  ])("%s → %s", (model, name) => {
    expect(tokenizerFor(model)).toBe(name);
  });
});

describe("estimateTraining", () => {
  const records = [
    ["How do I reset my password?", "Open Settings, then Security, then Reset password.", "You are a support agent."],
    ["Where is my parcel?", "Tracking is under Orders → Track parcel."],
    ["请问我的退款什么时候到账？", "退款通常在三到五个工作日内到账。"],
  ] as const;
  const text = records.map(([u, a, s]) => chatLine(u, a, s)).join("\n");
  const expected = records.reduce((n, [u, a, s]) => n + cookbook(o200k, s ? [s, u, a] : [u, a]), 0);

  it("counts a small chat file exactly with o200k_base (the cookbook's per-message overhead) × the epochs, priced", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    const e = estimateTraining({
      datasets: [await scan(text)],
      configs: [{ path: "ft/job.json", config: facts({ model: "gpt-4o-mini-2024-07-18", epochs: 3, epochsLine: 4 }) }],
      pricing: { "gpt-4o": 25, "gpt-4o-mini": 3 },
      tokenizer,
    });
    expect(e).toMatchObject({
      tokens: expected,
      epochs: 3,
      trainedTokens: expected * 3,
      method: "exact",
      tokenizer: "o200k_base",
      priceKey: "gpt-4o-mini",
      configPath: "ft/job.json",
      configLine: 4,
    });
    expect(e!.usd).toBeCloseTo((expected * 3 * 3) / 1e6, 2);
  });

  it("counts Chinese text with the real tokenizer, not at 4 characters a token", async () => {
    const zh = "退款通常在三到五个工作日内到账，如果超过七天没有收到，请联系我们的客服团队。".repeat(4);
    const s = await scan(chatLine("退款什么时候到账？", zh));
    const exact = datasetTokens(s, await loadTokenizer("o200k_base"));
    expect(exact).toEqual({ path: "data/train.jsonl", tokens: cookbook(o200k, ["退款什么时候到账？", zh]), method: "exact" });
    const estimated = datasetTokens(s, undefined);
    expect(estimated.method).toBe("chars/4");
    expect(exact.tokens).toBeGreaterThan(estimated.tokens * 2);
  });

  it("uses cl100k_base for gpt-3.5-turbo", async () => {
    const s = await scan(chatLine("Hello there", "General Kenobi"));
    expect(datasetTokens(s, await loadTokenizer("cl100k_base")).tokens).toBe(cookbook(cl100k, ["Hello there", "General Kenobi"]));
  });

  it("labels a model without a known tokenizer as chars/4, and gives no trained tokens without epochs", async () => {
    const s = await scan(text);
    const e = estimateTraining({
      datasets: [s],
      configs: [{ path: "axolotl.yml", config: facts({ framework: "axolotl", model: "meta-llama/Llama-3.1-8B" }) }],
      pricing: {},
    });
    expect(e).toMatchObject({ tokens: Math.ceil(s.chars! / 4), method: "chars/4", model: "meta-llama/Llama-3.1-8B" });
    expect(e!.epochs).toBeUndefined();
    expect(e!.trainedTokens).toBeUndefined();
    expect(e!.usd).toBeUndefined();
  });

  it("is undefined when nothing is trained (eval data only)", async () => {
    const s = await scan(text);
    s.role = "eval";
    expect(estimateTraining({ datasets: [s], configs: [], pricing: {} })).toBeUndefined();
  });

  it("samples a file larger than the sample and scales the sample's tokens per character", async () => {
    const lines: string[] = [];
    let chars = 0;
    for (let i = 0; chars < SAMPLE_CHARS * 1.5; i++) {
      const line = chatLine(
        `Question ${i} about order ${i * 7919} and its delivery window`,
        `Answer ${i}: the courier delivers parcel ${i} within two working days.`,
      );
      lines.push(line);
      chars += line.length / 2;
    }
    const s = await scan(lines.join("\n"));
    expect(s.textSample!.complete).toBe(false);
    const tokenizer = await loadTokenizer("o200k_base");
    const sampled = datasetTokens(s, tokenizer);
    expect(sampled.method).toBe("sampled");
    const all = lines.reduce((n, l) => {
      const m = (JSON.parse(l) as { messages: { content: string }[] }).messages.map((x) => x.content);
      return n + cookbook(o200k, m);
    }, 0);
    expect(Math.abs(sampled.tokens - all) / all).toBeLessThan(0.02);
  });
});

describe("the estimate line", () => {
  it("says when the epochs are left to the provider and when the count is an estimate", () => {
    const line = renderText({
      base: "a".repeat(40),
      head: "b".repeat(40),
      conclusion: "success",
      artifacts: [],
      findings: [],
      notes: [],
      estimate: { tokens: 1_234_567, method: "chars/4", model: "meta-llama/Llama-3.1-8B", epochsAuto: true, datasets: [] },
    });
    expect(line).toContain(
      "Estimated training: 1.23M tokens per epoch; the config leaves the epochs to the provider (auto) (meta-llama/Llama-3.1-8B, estimated at 4 characters a token: no tokenizer for this model)",
    );
  });
});

describe("priceFor", () => {
  const pricing = { "gpt-4o": 25, "gpt-4o-mini": 3, "gpt-4o-mini-2024-07-18": 2.5, Llama: 1 };
  it("takes the exact id first, then the longest prefix, then the name after the owner", () => {
    expect(priceFor("gpt-4o-mini-2024-07-18", pricing)).toEqual({ key: "gpt-4o-mini-2024-07-18", usdPerMillion: 2.5 });
    expect(priceFor("gpt-4o-mini", pricing)).toEqual({ key: "gpt-4o-mini", usdPerMillion: 3 });
    expect(priceFor("gpt-4o-2024-08-06", pricing)).toEqual({ key: "gpt-4o", usdPerMillion: 25 });
    expect(priceFor("meta-llama/Llama-3.1-8B", pricing)).toEqual({ key: "Llama", usdPerMillion: 1 });
    expect(priceFor("mistral-7b", pricing)).toBeUndefined();
  });
});

describe("providerExampleLimit", () => {
  it.each([
    ["gpt-4o-mini-2024-07-18", 65536],
    ["gpt-4o-2024-08-06", 65536],
    ["gpt-3.5-turbo-0125", 16385],
    ["gpt-3.5-turbo-1106", 16385],
    ["gpt-3.5-turbo-0613", 4096],
    ["gpt-4-0613", 8192],
    ["davinci-002", 16384],
  ])("%s → %d", (model, tokens) => {
    expect(providerExampleLimit(model)?.tokens).toBe(tokens);
  });
  it("knows no limit for other models", () => expect(providerExampleLimit("meta-llama/Llama-3.1-8B")).toBeUndefined());
});

describe("the estimate through review() on a real git repository", () => {
  let repo: TempRepo;
  afterAll(async () => repo?.cleanup());

  it("equals gpt-tokenizer's count × the OpenAI job's n_epochs, in JSON and text", async () => {
    repo = await createTempRepo();
    const base = await repo.commit({
      "README.md": "# bot\n",
      ".github/finetune-review.yml": "pricing:\n  gpt-4o-mini: 3\nrules:\n  training-budget:\n    max_trained_tokens: 100\n",
    });
    const rows = [
      ["How do I reset my password?", "Open Settings → Security → Reset password."],
      ["我的包裹在哪里？", "您可以在订单页面查看物流信息。"],
      ["Order id 0x3f9ca1b2e4d5?", "Order 0x3f9ca1b2e4d5 ships tomorrow."],
    ];
    const head = await repo.commit({
      "ft/job.json": `${JSON.stringify({ training_file: "data/train.jsonl", model: "gpt-4o-mini-2024-07-18", hyperparameters: { n_epochs: 4 } }, null, 2)}\n`,
      "data/train.jsonl": `${rows.map(([u, a]) => chatLine(u!, a!)).join("\n")}\n`,
    });
    const result = await review({ source: await LocalGitSource.open(repo.dir, base, head) });
    const tokens = rows.reduce((n, [u, a]) => n + cookbook(o200k, [u!, a!]), 0);
    const json = JSON.parse(renderJson(result)) as {
      estimate: Record<string, unknown>;
      findings: { ruleId: string; message: string; path?: string; line?: number }[];
    };
    expect(json.estimate).toEqual({
      tokens,
      epochs: 4,
      trainedTokens: tokens * 4,
      usd: Math.round(((tokens * 4 * 3) / 1e6) * 100) / 100,
      method: "exact",
      model: "gpt-4o-mini-2024-07-18",
    });
    expect(renderText(result)).toContain(`Estimated training: ${tokens} tokens × 4 epochs = ${tokens * 4} trained tokens`);
    expect(renderMarkdown(result)).toContain(
      `**Estimated training:** ${tokens} tokens × 4 epochs = ${tokens * 4} trained tokens &lt; $0.01 (gpt-4o-mini-2024-07-18, exact, o200k\\_base)`,
    );
    const budget = json.findings.filter((f) => f.ruleId === "training-budget");
    expect(budget).toEqual([expect.objectContaining({ path: "ft/job.json", line: 5, message: expect.stringContaining("over max_trained_tokens 100") })]);
    // Switched off (what the bench compares against): no estimate, no budget finding, `{}` in JSON.
    const off = await review({ source: await LocalGitSource.open(repo.dir, base, head), estimate: false });
    expect(off.estimate).toBeUndefined();
    expect(off.findings.some((f) => f.ruleId === "training-budget")).toBe(false);
    expect((JSON.parse(renderJson(off)) as { estimate: unknown }).estimate).toEqual({});
  });

  it("counts the longest records exactly for dataset-length, against the OpenAI model's per-example limit", async () => {
    const zhRepo = await createTempRepo();
    try {
      const base = await zhRepo.commit({ "README.md": "# bot\n" });
      // ~5,000 characters of Chinese: about 1,250 tokens at 4 characters a token, over 4,096 really.
      const zh = "退款通常在三到五个工作日内到账，如果超过七天没有收到，请联系客服。".repeat(160);
      const head = await zhRepo.commit({
        "ft/job.json": `${JSON.stringify({ training_file: "data/train.jsonl", model: "gpt-3.5-turbo-0613" })}\n`,
        "data/train.jsonl": `${chatLine("你好", "你好！")}\n${chatLine("退款什么时候到账？", zh)}\n`,
      });
      const result = await review({ source: await LocalGitSource.open(zhRepo.dir, base, head) });
      const exact = cookbook(cl100k, ["退款什么时候到账？", zh]);
      expect(exact).toBeGreaterThan(4096);
      const length = result.findings.filter((f) => f.ruleId === "dataset-length");
      expect(length).toEqual([
        expect.objectContaining({
          path: "data/train.jsonl",
          line: 2,
          message: `Line 2 is ${exact} tokens (counted with cl100k_base), longer than the sequence length 4096 (OpenAI's per-example limit for gpt-3.5-turbo-0613, the model ft/job.json fine-tunes); it will be truncated in training.`,
        }),
      ]);
      expect(result.estimate).toMatchObject({ method: "exact", tokenizer: "cl100k_base" });
      expect(result.estimate?.epochs).toBeUndefined();
      expect(renderText(result)).toContain("per epoch; the config states no epochs (gpt-3.5-turbo-0613, exact, cl100k_base)");
    } finally {
      await zhRepo.cleanup();
    }
  });
});
