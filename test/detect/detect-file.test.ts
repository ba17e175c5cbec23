import { describe, expect, it } from "@jest/globals";
import { detectFile, localPath, type DetectContext } from "../../src/detect/index.js";
import { fixtureContext as contextWith, fixtureFile, noPaths } from "../fixtures/fixture-files.js";
import { scanDataset } from "../../src/datasets/index.js";
import { scanLexicon } from "../../src/scan-lexicon.js";

const ctx = contextWith();
const text = (s: string) => Buffer.from(s, "utf8");
const jsonl = (records: unknown[]) => text(records.map((r) => JSON.stringify(r)).join("\n") + "\n");
const LFS = text("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 99999999\n");
const AXOLOTL = fixtureFile("configs/axolotl-lora.yml");

describe("unreadable content", () => {
  it("detects an LFS pointer by path and says why it was not read", async () => {
    await expect(detectFile("data/train.jsonl", LFS, ctx)).resolves.toEqual({ kind: "dataset", format: "unknown", unreadable: "Git LFS pointer" });
    await expect(detectFile("data/eval/test.csv", LFS, ctx)).resolves.toEqual({ kind: "eval-dataset", format: "unknown", unreadable: "Git LFS pointer" });
  });

  it("detects binary data under data folders and ignores other binaries", async () => {
    const parquet = Buffer.concat([text("PAR1"), Buffer.alloc(2048), text("PAR1")]);
    await expect(detectFile("data/train.parquet", parquet, ctx)).resolves.toEqual({ kind: "dataset", format: "unknown", unreadable: "binary content" });
    await expect(detectFile("assets/logo.png", parquet, ctx)).resolves.toBeNull();
  });

  it("decides by path alone when the content was not read", async () => {
    await expect(detectFile("data/big.jsonl", null, ctx)).resolves.toEqual({ kind: "dataset", format: "unknown" });
    await expect(detectFile("evals/suite/run.py", null, ctx)).resolves.toEqual({ kind: "eval-suite", format: "unknown" });
    await expect(detectFile("exp/lora/adapter_config.json", null, ctx)).resolves.toEqual({ kind: "training-config", format: "peft" });
    await expect(detectFile("docs/FT_PROPOSAL.md", null, ctx)).resolves.toEqual({ kind: "proposal", format: "markdown" });
    await expect(detectFile("logs/events.jsonl", null, ctx)).resolves.toBeNull();
  });
});

describe("text quirks", () => {
  it("detects a JSONL with a BOM and CRLF line ends", async () => {
    const crlf = fixtureFile("datasets/openai-chat.jsonl").toString("utf8").replace(/\n/g, "\r\n");
    await expect(detectFile("train.jsonl", text(`\uFEFF${crlf}`), ctx)).resolves.toEqual({ kind: "dataset", format: "openai-chat" });
  });

  it("detects a CRLF YAML config with a BOM", async () => {
    const yaml = `\uFEFF${AXOLOTL.toString("utf8").replace(/\n/g, "\r\n")}`;
    const detection = await detectFile("x.yml", text(yaml), ctx);
    expect(detection?.format).toBe("axolotl");
    expect(detection?.config?.adapterLine).toBe(12);
  });

  it("sniffs only the start of a large JSONL", async () => {
    const head = jsonl(Array.from({ length: 2000 }, (_, i) => ({ prompt: `q${i}`, completion: `a${i}` })));
    expect(head.length).toBeGreaterThan(64 * 1024);
    const big = Buffer.concat([head, Buffer.alloc(3 * 1024 * 1024, "not json at all\n")]);
    await expect(detectFile("misc/pairs.jsonl", big, ctx)).resolves.toEqual({ kind: "dataset", format: "prompt-completion" });
  });

  it("still detects a JSONL whose first line is broken", async () => {
    const body = Buffer.concat([text('{"messages": [\n'), jsonl([{ messages: [] }, { messages: [] }, { messages: [] }])]);
    await expect(detectFile("chat.jsonl", body, ctx)).resolves.toEqual({ kind: "dataset", format: "openai-chat" });
  });

  it("survives JSON and YAML nested far too deep", async () => {
    const deepArray = text("[".repeat(200_000) + "]".repeat(200_000));
    const deepObject = text('{"a":'.repeat(100_000) + "1" + "}".repeat(100_000));
    await expect(detectFile("x.json", deepArray, ctx)).resolves.toBeNull();
    await expect(detectFile("x.json", deepObject, ctx)).resolves.toBeNull();
    await expect(detectFile("data/x.json", deepObject, ctx)).resolves.toEqual({ kind: "dataset", format: "unknown" });
    await expect(detectFile("x.yaml", text("[".repeat(100_000) + "]".repeat(100_000)), ctx)).resolves.toBeNull();
    await expect(detectFile("x.yaml", text("a: ".repeat(5_000) + "1"), ctx)).resolves.toBeNull();
  });

  it("never expands a YAML alias bomb: a config holding one is unreadable at the alias's line, anything else is nothing", async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "f"],
      ["f", "g"],
      ["g", "h"],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    await expect(detectFile("bomb.yaml", text(lines.join("\n")), ctx)).resolves.toBeNull();
    lines.push("base_model: x", "adapter: lora", "sequence_len: 10");
    await expect(detectFile("bomb.yaml", text(lines.join("\n")), ctx)).resolves.toEqual({
      kind: "training-config",
      format: "axolotl",
      unreadable: expect.stringMatching(/^line 2: its aliases \(first `\*a`\) expand past 100 copies/),
      unreadableLine: 2,
    });
  });

  it("reads a config with a custom tag as unreadable at the tag's line, never resolving the tag", async () => {
    const tagged = text('base_model: x\nadapter: lora\nsequence_len: !!python/object/apply:os.system ["id"]\n');
    await expect(detectFile("configs/tagged.yml", tagged, ctx)).resolves.toEqual({
      kind: "training-config",
      format: "axolotl",
      unreadable: expect.stringMatching(/^line 3: custom tag `!!python\/object\/apply:os\.system` is not resolved/),
      unreadableLine: 3,
    });
    await expect(detectFile("docs/mkdocs.yml", text("site_name: x\nmarkdown_extensions:\n  - !!python/name:material.extensions\n"), ctx)).resolves.toBeNull();
  });
});

describe("repo config paths", () => {
  it("paths.ignore removes even a recognised config", async () => {
    const c = contextWith({}, { ignore: ["experiments/**"] });
    await expect(detectFile("experiments/a.yml", AXOLOTL, c)).resolves.toBeNull();
    await expect(detectFile("configs/a.yml", AXOLOTL, c)).resolves.not.toBeNull();
  });

  it("the deny list wins over content, unless paths name the file", async () => {
    await expect(detectFile(".github/workflows/train.yml", AXOLOTL, ctx)).resolves.toBeNull();
    await expect(detectFile("deploy/values.yaml", AXOLOTL, ctx)).resolves.toBeNull();
    const named = await detectFile(".github/workflows/train.yml", AXOLOTL, contextWith({}, { configs: [".github/workflows/train.yml"] }));
    expect(named?.kind).toBe("training-config");
    expect(named?.format).toBe("axolotl");
  });

  it("paths.configs turns an unrecognised YAML into a config read with generic keys", async () => {
    const c = contextWith({}, { configs: ["train/**"] });
    const yaml = text("base: my-model\nadapter: lora\ntrain_file: ./data/train.jsonl\nvalidation_file: data/dev.jsonl\nmax_seq_length: 1024\n");
    await expect(detectFile("train/job.yaml", yaml, c)).resolves.toEqual({
      kind: "training-config",
      format: "unknown",
      config: {
        framework: "unknown",
        usesAdapter: true,
        referencesEval: true,
        datasetPaths: ["data/train.jsonl"],
        evalPaths: ["data/dev.jsonl"],
        sequenceLength: 1024,
        adapterLine: 2,
        pathLines: { "data/train.jsonl": 3, "data/dev.jsonl": 4 },
        infrastructure: false,
      },
    });
    await expect(detectFile("elsewhere/job.yaml", yaml, ctx)).resolves.toBeNull();
  });

  it("malformed YAML is nothing, or an unreadable training config (with the line) where paths.configs names it", async () => {
    const broken = text("base_model: x\n  adapter: [lora\nsequence_len: : :\n");
    await expect(detectFile("configs/broken.yaml", broken, ctx)).resolves.toBeNull();
    await expect(detectFile("configs/broken.yaml", broken, contextWith({}, { configs: ["configs/*.yaml"] }))).resolves.toEqual({
      kind: "training-config",
      format: "unknown",
      unreadable: expect.stringMatching(/^line \d+: it is not valid YAML \(.+\); fix the syntax on that line$/),
      unreadableLine: expect.any(Number),
    });
  });

  it("paths.eval makes a dataset an eval dataset and other files eval suites", async () => {
    const c = contextWith({}, { eval: ["bench/**"], datasets: ["corpus/**"], labels: ["taxonomy/intents.yml"], proposals: ["docs/rfc-*.md"] });
    const chat = jsonl([{ messages: [{ role: "user", content: "hi" }] }]);
    await expect(detectFile("bench/set.jsonl", chat, c)).resolves.toEqual({ kind: "eval-dataset", format: "openai-chat" });
    await expect(detectFile("bench/run.sh", text("echo\n"), c)).resolves.toEqual({ kind: "eval-suite", format: "unknown" });
    await expect(detectFile("corpus/odd.jsonl", text('{"q": 1}\n'), c)).resolves.toEqual({ kind: "dataset", format: "unknown" });
    await expect(detectFile("taxonomy/intents.yml", text("- a\n- b\n"), c)).resolves.toEqual({ kind: "label-schema", format: "label-list" });
    await expect(detectFile("docs/rfc-7.md", text("# Plan\n"), c)).resolves.toEqual({ kind: "proposal", format: "markdown" });
  });
});

describe("default path globs", () => {
  it("classifies datasets on eval paths as eval datasets", async () => {
    const rec = jsonl([{ text: "hello", label: "greet" }]);
    await expect(detectFile("data/eval/set.jsonl", rec, ctx)).resolves.toEqual({ kind: "eval-dataset", format: "classification" });
    await expect(detectFile("data/test.jsonl", rec, ctx)).resolves.toEqual({ kind: "eval-dataset", format: "classification" });
    await expect(detectFile("data/my_valid.jsonl", rec, ctx)).resolves.toEqual({ kind: "eval-dataset", format: "classification" });
    await expect(detectFile("data/train.jsonl", rec, ctx)).resolves.toEqual({ kind: "dataset", format: "classification" });
    await expect(detectFile("data/device_logs.jsonl", rec, ctx)).resolves.toEqual({ kind: "dataset", format: "classification" });
  });

  it("recognises proposals, label files and eval suites by name", async () => {
    await expect(detectFile("MODEL_CARD.md", text("# Card\n"), ctx)).resolves.toEqual({ kind: "proposal", format: "markdown" });
    await expect(detectFile("ml/labels.txt", text("a\nb\n"), ctx)).resolves.toEqual({ kind: "label-schema", format: "label-list" });
    await expect(detectFile("ml/label_map.json", text('{"a": 0, "b": 1}'), ctx)).resolves.toEqual({ kind: "label-schema", format: "label-list" });
    await expect(detectFile("evals/cases.yaml", text("cases: []\n"), ctx)).resolves.toEqual({ kind: "eval-suite", format: "unknown" });
    await expect(detectFile("README.md", text("# Hi\n"), ctx)).resolves.toBeNull();
  });
});

describe("dataset formats", () => {
  const cases: [string, unknown[], string][] = [
    ["preference", [{ prompt: "p", chosen: "a", rejected: "b" }], "preference"],
    ["alpaca", [{ instruction: "i", input: "", output: "o" }], "alpaca"],
    ["sharegpt", [{ conversations: [{ from: "human", value: "hi" }] }], "sharegpt"],
    ["raw text", [{ text: "once upon a time" }, { text: "and then" }], "text"],
  ];
  for (const [name, records, format] of cases) {
    it(`${name} as JSONL and as a JSON array`, async () => {
      await expect(detectFile("x/a.jsonl", jsonl(records), ctx)).resolves.toEqual({ kind: "dataset", format });
      await expect(detectFile("x/a.json", text(JSON.stringify(records, null, 2)), ctx)).resolves.toEqual({ kind: "dataset", format });
    });
  }

  it("reads CSV and TSV headers", async () => {
    await expect(detectFile("x/a.csv", text('"instruction","input","output"\r\nA,,B\r\n'), ctx)).resolves.toEqual({ kind: "dataset", format: "alpaca" });
    await expect(detectFile("x/a.tsv", text("text\tlabel\nhi\tgreet\n"), ctx)).resolves.toEqual({ kind: "dataset", format: "classification" });
    await expect(detectFile("x/a.csv", text("label,description\nbilling,Billing\n"), ctx)).resolves.toEqual({ kind: "label-schema", format: "label-csv" });
    await expect(detectFile("x/prices.csv", text("sku,price\n1,2\n"), ctx)).resolves.toBeNull();
  });

  it("recognises a classification CSV's label column by its content when its name is not a known one", async () => {
    // Review-rating shaped: a known text column and a `stars` column of a few short values.
    const rows = [
      "Great battery, lasts two days",
      "Screen cracked in a week",
      "Does the job",
      "Arrived late but works",
      "Best headphones I have owned",
      "Stopped charging after a month",
      "Fine for the price",
      "Sound is tinny",
      "Love it",
      "Returned it",
    ];
    const stars = ["5", "1", "3", "3", "5", "1", "3", "2", "5", "1"];
    const csv = `review,stars\n${rows.map((r, i) => `"${r}",${stars[i]}`).join("\n")}\n`;
    await expect(detectFile("data/reviews.csv", text(csv), ctx)).resolves.toEqual({ kind: "dataset", format: "classification" });
    // Every value distinct (an id, a price): not labels.
    const ids = `review,order_id\n${rows.map((r, i) => `"${r}",A-${1000 + i}`).join("\n")}\n`;
    await expect(detectFile("x/orders.csv", text(ids), ctx)).resolves.toBeNull();
    const scan = await scanDataset({ path: "data/reviews.csv", format: "classification", role: "train", chunks: Buffer.from(csv), lexicon: scanLexicon() });
    expect(scan.formatIssues).toEqual([]);
    expect(scan.keys.map((k) => k.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(scan.labelCounts).toEqual({ "1": 3, "2": 1, "3": 3, "5": 3 });
  });

  it("detects a JSONL saved as .json", async () => {
    await expect(detectFile("x/a.json", jsonl([{ messages: [] }, { messages: [] }]), ctx)).resolves.toEqual({ kind: "dataset", format: "openai-chat" });
  });

  it("does not take a lone object with only a weak format for a dataset", async () => {
    await expect(detectFile("x/a.json", text('{"text": "hello"}'), ctx)).resolves.toBeNull();
  });

  it("does not take Markdown without intent headers for Rasa data", async () => {
    await expect(detectFile("docs/nlu.md", text("# NLU\n\nSome notes.\n"), ctx)).resolves.toBeNull();
  });
});

describe("config facts", () => {
  it("resolves LLaMA-Factory dataset names through data/dataset_info.json", async () => {
    const requested: string[] = [];
    const c: DetectContext = {
      paths: noPaths,
      readFile: async (p) => {
        requested.push(p);
        return p === "data/dataset_info.json" ? fixtureFile("configs/llamafactory-dataset_info.json") : null;
      },
    };
    const local = "configs/llamafactory-lora-sft.yaml";
    const detection = await detectFile("examples/train_lora/llama3_lora_sft.yaml", fixtureFile(local), c);
    expect(requested).toContain("data/dataset_info.json");
    const datasetLine =
      fixtureFile(local)
        .toString("utf8")
        .split("\n")
        .findIndex((l: string) => l.startsWith("dataset:")) + 1;
    expect(detection?.config).toMatchObject({
      framework: "llamafactory",
      usesAdapter: true,
      referencesEval: true,
      datasetPaths: ["data/identity.json", "data/alpaca_en_demo.json"],
      pathLines: { "data/identity.json": datasetLine, "data/alpaca_en_demo.json": datasetLine },
      sequenceLength: 2048,
    });
  });

  it("honours LLaMA-Factory's dataset_dir and skips hub datasets", async () => {
    const info = text(JSON.stringify({ mine: { file_name: "mine.jsonl" }, hub: { hf_hub_url: "org/hub" } }));
    const c: DetectContext = { paths: noPaths, readFile: async (p) => (p === "corpus/dataset_info.json" ? info : null) };
    const yaml = text("model_name_or_path: m\nstage: sft\nfinetuning_type: full\ndataset_dir: ./corpus\ndataset: mine, hub\neval_dataset: mine\n");
    const detection = await detectFile("train.yaml", yaml, c);
    expect(detection?.config).toMatchObject({
      usesAdapter: false,
      adapterLine: 3,
      datasetPaths: ["corpus/mine.jsonl"],
      evalPaths: ["corpus/mine.jsonl"],
      referencesEval: true,
    });
  });

  it("reads local dataset paths of axolotl, OpenAI, MLX-LM and torchtune configs", async () => {
    const axolotl = text(
      "base_model: m\ndatasets:\n  - path: ./data/train.jsonl\n    type: alpaca\n  - path: tatsu-lab/alpaca\n    type: alpaca\ntest_datasets:\n  - path: data/eval.jsonl\nsequence_len: 512\n",
    );
    expect((await detectFile("a.yml", axolotl, ctx))?.config).toMatchObject({
      datasetPaths: ["data/train.jsonl"],
      evalPaths: ["data/eval.jsonl"],
      referencesEval: true,
      usesAdapter: false,
      pathLines: { "data/train.jsonl": 3, "data/eval.jsonl": 8 },
    });
    const openai = text(
      JSON.stringify({ model: "gpt-4o-mini", training_file: "data/ft.jsonl", validation_file: "file-abc123", hyperparameters: { n_epochs: 3 } }),
    );
    const job = await detectFile("jobs/ft.json", openai, ctx);
    expect(job?.format).toBe("openai");
    expect(job?.config).toMatchObject({ datasetPaths: ["data/ft.jsonl"], evalPaths: [], referencesEval: true, usesAdapter: null });
    const mlx = text("model: m\nfine_tune_type: full\ndata: data\niters: 10\nval_batches: 5\nsteps_per_eval: 2\n");
    expect((await detectFile("mlx.yaml", mlx, ctx))?.config).toMatchObject({
      usesAdapter: false,
      datasetPaths: ["data/train.jsonl"],
      evalPaths: ["data/valid.jsonl"],
    });
    const torchtune = text(
      "model:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\ndataset:\n  _component_: torchtune.datasets.instruct_dataset\n  source: json\n  data_files: data/my.json\noptimizer:\n  _component_: torch.optim.AdamW\n",
    );
    expect((await detectFile("tt.yaml", torchtune, ctx))?.config).toMatchObject({ framework: "torchtune", usesAdapter: false, datasetPaths: ["data/my.json"] });
  });

  it("tells local paths from hub ids", () => {
    expect(localPath("data/train.jsonl")).toBe("data/train.jsonl");
    expect(localPath("./data/x.jsonl")).toBe("data/x.jsonl");
    expect(localPath("./data")).toBe("data");
    expect(localPath("tatsu-lab/alpaca")).toBeUndefined();
    expect(localPath("mhenrichsen/alpaca_2k_test")).toBeUndefined();
    expect(localPath("https://example.com/x.jsonl")).toBeUndefined();
    expect(localPath("/tmp/x.jsonl")).toBeUndefined();
    expect(localPath("../outside.jsonl")).toBeUndefined();
    expect(localPath("file-abc123")).toBeUndefined();
  });
});
