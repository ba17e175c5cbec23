/**
 * Every rule id, firing and staying quiet, on real git repositories with dated commits, reviewed
 * by the CLI as a separate process. Each case asserts the JSON (rule id, path, line) and the exit code.
 */
import { describe, expect, it } from "@jest/globals";
import { GOOD, LABELS, chatJsonl, classificationJsonl, reviewScenario, type Scenario, type ScenarioResult } from "../helpers/proposal-scenario.js";

const labelsYaml = (labels: string[]) => `labels:\n${labels.map((l) => `  - ${l}`).join("\n")}\n`;
const of = (r: ScenarioResult, ruleId: string) => r.json.findings.filter((f) => f.ruleId === ruleId);
const lines = (rows: string[]) => `${rows.join("\n")}\n`;

interface Case {
  rule: string;
  fires: Scenario;
  expect: { path?: string; line?: number; severity?: string; code: number; message?: RegExp };
}

const train = classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1);
const evalSet = classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 2);

const cases: Case[] = [
  {
    rule: "label-schema-churn",
    fires: {
      history: [
        { files: { "labels.yaml": labelsYaml([...LABELS, "refunds"]) }, date: "2026-01-20T10:00:00Z" },
        { files: { "labels.yaml": labelsYaml(LABELS) }, date: "2026-02-01T10:00:00Z" },
        { files: { "labels.yaml": labelsYaml([...LABELS, "account"]) }, date: "2026-02-10T10:00:00Z" },
        { files: { "labels.yaml": "# comment only change, same labels\n" + labelsYaml([...LABELS, "account"]) }, date: "2026-02-12T10:00:00Z" },
      ],
      head: { "labels.yaml": labelsYaml([...LABELS, "account", "fraud"]) },
    },
    expect: { path: "labels.yaml", severity: "warning", code: 0, message: /changed 4 times in the 90 days before 2026-03-01/ },
  },
  {
    rule: "label-schema-change",
    fires: { head: { "labels.yaml": labelsYaml(["billing", "shipping"]) } },
    expect: { path: "labels.yaml", severity: "warning", code: 0, message: /removed 1 \(returns\).*still have training examples/ },
  },
  {
    rule: "dataset-format",
    fires: { head: { "data/train.jsonl": lines([...train.slice(0, 2), '{"text": "broken', ...train.slice(2, 5), '{"text": 5}', ...train.slice(5)]) } },
    expect: { path: "data/train.jsonl", line: 3, severity: "error", code: 1 },
  },
  {
    rule: "dataset-duplicates",
    fires: {
      head: {
        "data/train.jsonl": lines([
          ...train,
          ...train.slice(0, 20).map((r) => {
            const { text, label } = JSON.parse(r) as { text: string; label: string };
            return JSON.stringify({ text: `  ${text.toUpperCase().replace("?", "!!")}`, label });
          }),
        ]),
      },
    },
    expect: { path: "data/train.jsonl", line: 121, severity: "warning", code: 0, message: /repeats line 1/ },
  },
  {
    rule: "dataset-balance",
    fires: { head: { "data/train.jsonl": lines(classificationJsonl({ billing: 60, returns: 60, shipping: 4 }, 3)) } },
    expect: { path: "data/train.jsonl", line: 121, severity: "warning", code: 0, message: /"shipping" has 4 examples/ },
  },
  {
    rule: "dataset-size",
    fires: { head: { "data/train.jsonl": lines(classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 4)) } },
    expect: { path: "data/train.jsonl", severity: "warning", code: 0, message: /30 valid training examples; the minimum is 100/ },
  },
  {
    rule: "dataset-length",
    fires: {
      head: {
        "configs/router-lora.yml": (GOOD.head["configs/router-lora.yml"] as string).replace("sequence_len: 2048", "sequence_len: 256"),
        "data/train.jsonl": lines([...train.slice(0, 7), JSON.stringify({ text: "word ".repeat(2000), label: "billing" }), ...train.slice(7)]),
      },
    },
    expect: { path: "data/train.jsonl", line: 8, severity: "notice", code: 0, message: /longer than the sequence length 256/ },
  },
  {
    rule: "dataset-sensitive",
    fires: {
      head: {
        "data/train.jsonl": lines([
          ...train.slice(0, 4),
          JSON.stringify({ text: "my key is sk-proj-Abc123Def456Ghi789Jkl012Mno345 please rotate", label: "billing" }),
          ...train.slice(4),
        ]),
      },
    },
    expect: { path: "data/train.jsonl", line: 5, severity: "error", code: 1 },
  },
  {
    rule: "reasoning-fix",
    fires: { body: `${GOOD.body}\nWe expect fine-tuning to fix the model's reasoning errors on multi-step refunds.\n` },
    expect: { severity: "warning", code: 0, message: /fix reasoning/ },
  },
  {
    rule: "latency-budget",
    fires: { body: GOOD.body.replace(/Latency budget:.*\n/, "") },
    expect: { severity: "notice", code: 0, message: /^The proposal states no latency or cost budget\.$/ },
  },
  {
    rule: "eval-suite",
    fires: {
      base: { "evals/suite.yaml": null },
      head: { "configs/router-lora.yml": (GOOD.head["configs/router-lora.yml"] as string).replace(/test_datasets:\n.*\n.*\n/, ""), "data/eval.jsonl": null },
    },
    expect: { path: "configs/router-lora.yml", severity: "warning", code: 0 },
  },
  {
    rule: "eval-leakage",
    fires: {
      head: {
        "data/eval.jsonl": lines([
          ...evalSet.slice(0, 3),
          JSON.stringify({ ...(JSON.parse(train[10]!) as object), text: `${(JSON.parse(train[10]!) as { text: string }).text.toUpperCase()}!!` }),
          ...evalSet.slice(3),
        ]),
      },
    },
    expect: { path: "data/eval.jsonl", line: 4, severity: "error", code: 1, message: /data\/train\.jsonl:11/ },
  },
  {
    rule: "eval-coverage",
    fires: { head: { "data/eval.jsonl": lines(classificationJsonl({ billing: 10, returns: 10 }, 2)) } },
    expect: { path: "data/eval.jsonl", severity: "warning", code: 0, message: /shipping/ },
  },
  {
    rule: "business-rules-in-data",
    fires: {
      head: {
        "data/train.jsonl": lines(
          chatJsonl(120, 5, (i) =>
            i % 3 === 0 ? `Refunds are only available within 30 days, per our refund policy (case ${i}).` : `Routing this to the right team, case ${i}.`,
          ),
        ),
        "data/eval.jsonl": lines(chatJsonl(20, 6, (i) => `Routing this to the right team, eval ${i}.`)),
      },
    },
    expect: { path: "data/train.jsonl", line: 1, severity: "warning", code: 0, message: /40 of 120 targets/ },
  },
  {
    rule: "ownership",
    fires: { base: { ".github/CODEOWNERS": "/docs/ @acme/docs\n" } },
    expect: { path: "configs/router-lora.yml", severity: "error", code: 1 },
  },
  {
    rule: "alternatives-considered",
    fires: { body: "Fine-tune the router.\nLatency budget: p95 under 300 ms. Retraining cadence: monthly.\n" },
    expect: { severity: "warning", code: 0, message: /No alternative/ },
  },
  {
    rule: "full-finetune",
    fires: { head: { "configs/router-lora.yml": (GOOD.head["configs/router-lora.yml"] as string).replace("adapter: lora\nlora_r: 16\nlora_alpha: 32\n", "") } },
    expect: { path: "configs/router-lora.yml", severity: "notice", code: 0 },
  },
  {
    rule: "config-references",
    fires: { head: { "configs/router-lora.yml": (GOOD.head["configs/router-lora.yml"] as string).replace("data/train.jsonl", "data/missing.jsonl") } },
    expect: { path: "configs/router-lora.yml", line: 7, severity: "warning", code: 0, message: /data\/missing\.jsonl/ },
  },
  {
    rule: "config-invalid",
    fires: { base: { ".github/finetune-review.yml": "fail_on: error\nrules:\n  label-schema-churn:\n    max_changes: two\n" } },
    expect: { path: ".github/finetune-review.yml", line: 4, severity: "error", code: 1, message: /rules\.label-schema-churn\.max_changes/ },
  },
  {
    rule: "artifact-unreadable",
    fires: {
      head: {
        "data/extra.jsonl":
          "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 123456789\n",
      },
    },
    expect: { path: "data/extra.jsonl", severity: "notice", code: 0 },
  },
];

describe("the well-governed proposal", () => {
  it("gets no warning and no error, and exits 0", async () => {
    const r = await reviewScenario({});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.json.artifacts.map((a) => `${a.path}:${a.kind}`).sort()).toEqual([
      "configs/router-lora.yml:training-config",
      "data/eval.jsonl:eval-dataset",
      "data/train.jsonl:dataset",
    ]);
    expect(r.json.findings.filter((f) => f.severity !== "notice")).toEqual([]);
    expect(r.json.conclusion).toBe("success");
  });
});

describe.each(cases)("$rule", ({ rule, fires, expect: want }) => {
  it("fires with its path, line and severity", async () => {
    const r = await reviewScenario(fires);
    const found = of(r, rule);
    expect(found.length).toBeGreaterThan(0);
    const f = found.find((x) => (want.line === undefined || x.line === want.line) && (want.path === undefined || x.path === want.path));
    expect(f).toBeDefined();
    if (want.severity) expect(f!.severity).toBe(want.severity);
    if (want.message) expect(f!.message).toMatch(want.message);
    expect(f!.remediation).toBeTruthy();
    expect(r.code).toBe(want.code);
  });
});

describe("quiet cases", () => {
  it("no rule fires on the well-governed proposal except none", async () => {
    const r = await reviewScenario({});
    for (const c of cases) expect(of(r, c.rule)).toEqual([]);
  });

  it("label-schema-churn stays quiet when the changes are older than the window", async () => {
    const r = await reviewScenario({
      history: [
        { files: { "labels.yaml": labelsYaml([...LABELS, "a"]) }, date: "2026-01-11T10:00:00Z" },
        { files: { "labels.yaml": labelsYaml([...LABELS, "b"]) }, date: "2026-01-12T10:00:00Z" },
        { files: { "labels.yaml": labelsYaml([...LABELS, "c"]) }, date: "2026-01-13T10:00:00Z" },
      ],
      base: { ".github/finetune-review.yml": "rules:\n  label-schema-churn:\n    window_days: 30\n" },
    });
    // head is 2026-03-01; with the configured 30-day window none of the three January changes count.
    expect(of(r, "label-schema-churn")).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("reasoning-fix stays quiet when the proposal says fine-tuning will not fix reasoning", async () => {
    const r = await reviewScenario({ body: `${GOOD.body}\nFine-tuning cannot fix reasoning errors, so we keep tool use for refunds.\n` });
    expect(of(r, "reasoning-fix")).toEqual([]);
  });

  it("proposal rules stay quiet when only DeepSpeed config changes; ownership alone applies", async () => {
    const r = await reviewScenario({
      bare: true,
      head: {
        "ds_z3_config.json": JSON.stringify(
          { zero_optimization: { stage: 3 }, train_micro_batch_size_per_gpu: "auto", gradient_accumulation_steps: "auto" },
          null,
          2,
        ),
      },
    });
    expect(r.json.artifacts.map((a) => a.format)).toEqual(["deepspeed"]);
    expect([...new Set(r.json.findings.map((f) => f.ruleId))]).toEqual(["ownership"]);
    expect(r.code).toBe(1);
  });
});
