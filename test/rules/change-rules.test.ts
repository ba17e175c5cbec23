/** Table-driven tests of the rules about the proposal, configs, labels and ownership (see test/helpers/rule-tester.ts). */
import { parseRepoConfig } from "../../src/config/load-config.js";
import { configOwnerRules, parseCodeowners } from "../../src/codeowners.js";
import type { ConfigProblem, LabelVersion } from "../../src/types.js";
import { ruleTester } from "../helpers/rule-tester.js";
import type { TrainingEstimate } from "../../src/types.js";
import { trainingConfig } from "./rule-cases.js";

const config = trainingConfig();
const proposal = (text: string, path = "docs/proposal.md") => ({ artifacts: [config], proposes: true, proposal: [{ path, text }] });

ruleTester("alternatives-considered", {
  valid: [
    { name: "the proposal names prompting", input: proposal("We tried few-shot prompting first; it misses 30% of intents.") },
    { name: "not a proposal", input: { artifacts: [config], proposes: false } },
  ],
  invalid: [
    {
      name: "no alternative named, pointing at the proposal file",
      input: proposal("We will fine-tune Llama on our tickets."),
      findings: [{ path: "docs/proposal.md", severity: "warning", introduced: true, message: /^No alternative to fine-tuning .* is named in the PR description and proposal files\.$/ }],
    },
    {
      name: "no description at all",
      input: { artifacts: [config], proposes: true, proposal: [] },
      findings: [{ message: /in the pull request \(it has no description or proposal file\)/ }],
    },
  ],
});

ruleTester("latency-budget", {
  valid: [{ name: "budget and cadence stated", input: proposal("The model must answer within p95 < 300 ms; we retrain monthly.") }],
  invalid: [
    { name: "neither stated", input: proposal("We fine-tune."), findings: [{ severity: "notice", message: "The proposal states no latency or cost budget and no retraining cadence." }] },
    { name: "only the budget stated", input: proposal("Latency must stay under 200 ms."), findings: [{ message: "The proposal states no retraining cadence." }] },
  ],
});

ruleTester("reasoning-fix", {
  valid: [
    { name: "no claim about reasoning", input: proposal("Fine-tuning teaches the reply format.") },
  ],
  invalid: [
    {
      name: "a claim that fine-tuning fixes reasoning, at its line",
      input: proposal("# Why\n\nThis fine-tune will fix the reasoning errors in refunds.\n"),
      findings: [{ path: "docs/proposal.md", line: 3, severity: "warning", message: /^The proposal expects fine-tuning to fix reasoning: "This fine-tune will fix the reasoning errors in refunds\."\.$/ }],
    },
  ],
});

ruleTester("full-finetune", {
  valid: [
    { name: "an adapter config", input: { artifacts: [trainingConfig({ usesAdapter: true })] } },
    { name: "an unstated choice", input: { artifacts: [trainingConfig({ usesAdapter: null })] } },
    { name: "a removed config", input: { artifacts: [trainingConfig({ usesAdapter: false }, { status: "removed" })] } },
  ],
  invalid: [
    {
      name: "full-parameter training, at the key that chooses it",
      input: { artifacts: [trainingConfig({ usesAdapter: false, adapterLine: 4 })] },
      findings: [{ path: "configs/train.yml", line: 4, severity: "notice", message: "configs/train.yml trains every parameter of the model, and axolotl offers adapters (LoRA/QLoRA)." }],
    },
  ],
});

ruleTester("config-references", {
  valid: [
    { name: "referenced files and folders exist", input: { artifacts: [trainingConfig({ datasetPaths: ["data/train.jsonl", "data/shards"] })], headFiles: ["data/train.jsonl", "data/shards/0.jsonl"] } },
  ],
  invalid: [
    {
      name: "a path missing at head, at its line",
      input: { artifacts: [trainingConfig({ datasetPaths: ["data/train.jsonl"], evalPaths: ["data/gone.jsonl"], pathLines: { "data/gone.jsonl": 9 } })], headFiles: ["data/train.jsonl"] },
      findings: [{ path: "configs/train.yml", line: 9, severity: "warning", message: "configs/train.yml references data/gone.jsonl, which does not exist at the head commit." }],
    },
    {
      name: "a changed dataset_info.json entry whose columns cannot be read, at the entry's line",
      input: {
        artifacts: [
          trainingConfig(
            { registry: true, registryProblems: [{ line: 4, message: 'data/dataset_info.json entry "qa": "columns" is a list, not a mapping of column roles to column names' }] },
            { path: "data/dataset_info.json", format: "llamafactory" },
          ),
        ],
      },
      findings: [
        {
          path: "data/dataset_info.json",
          line: 4,
          severity: "warning",
          message: 'data/dataset_info.json entry "qa": "columns" is a list, not a mapping of column roles to column names (line 4).',
        },
      ],
    },
  ],
});

function problemsOf(yaml: string): ConfigProblem[] {
  const parsed = parseRepoConfig(yaml);
  if (parsed.ok) throw new Error("expected an invalid config");
  return parsed.problems;
}

ruleTester("config-invalid", {
  valid: [{ name: "the pull request does not edit the config", input: { artifacts: [config] } }],
  invalid: [
    {
      name: "the pull request's edit of the config is invalid, at the key's line",
      input: { artifacts: [config], configChange: { path: ".github/finetune-review.yml", problems: problemsOf("fail_on: error\nrules:\n  dataset-size:\n    min_examples: -1\n") } },
      findings: [
        {
          path: ".github/finetune-review.yml",
          line: 4,
          severity: "error",
          message: /^\.github\/finetune-review\.yml:4: `rules\.dataset-size\.min_examples`: .* \(this pull request's version of the config; the review used the base branch's\)$/,
        },
      ],
    },
  ],
});

ruleTester("artifact-unreadable", {
  valid: [{ name: "every artifact read", input: { artifacts: [config] } }],
  invalid: [
    {
      name: "an LFS pointer, and YAML with its line",
      input: {
        artifacts: [
          { path: "data/big.jsonl", kind: "dataset", format: "openai-chat", status: "added", unreadable: "it is a Git LFS pointer" },
          trainingConfig({}, { unreadable: "it uses the custom tag !include", unreadableLine: 3 }),
        ],
      },
      findings: [
        { path: "configs/train.yml", line: 3, severity: "notice", message: "configs/train.yml (training-config) was not read: it uses the custom tag !include; its content checks were skipped." },
        { path: "data/big.jsonl", message: /^data\/big\.jsonl \(dataset\) was not read: it is a Git LFS pointer/ },
      ],
    },
  ],
});

ruleTester("ownership", {
  valid: [
    { name: "a CODEOWNERS rule owns the config", input: { artifacts: [config], owners: parseCodeowners("/configs/ @acme/ml\n", ".github/CODEOWNERS").rules } },
    { name: "the repo config's owners own it", input: { artifacts: [config], owners: configOwnerRules({ "configs/**": ["@acme/ml"] }) } },
  ],
  invalid: [
    {
      name: "no CODEOWNERS and no config owners",
      input: { artifacts: [config] },
      findings: [{ path: "configs/train.yml", severity: "error", message: /has no owner: the repository has no CODEOWNERS file/ }],
    },
    {
      name: "the last matching rule names nobody",
      input: { artifacts: [config], owners: parseCodeowners("* @acme/all\n/configs/\n", ".github/CODEOWNERS").rules },
      findings: [{ message: "configs/train.yml (training-config) matches no CODEOWNERS rule or config owner." }],
    },
  ],
});

const labels = { path: "config/labels.yaml", history: [], lines: { refund: 3, chargeback: 4 } };

ruleTester("label-schema-change", {
  valid: [
    { name: "the same labels", input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: ["a", "b"], headLabels: ["b", "a"] }] } },
    { name: "a new label file", input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: null, headLabels: ["a"] }] } },
  ],
  invalid: [
    {
      name: "labels added and removed, at the first added label",
      input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: ["billing", "account"], headLabels: ["billing", "refund", "chargeback"] }] },
      findings: [{ path: "config/labels.yaml", line: 4, severity: "notice", message: "config/labels.yaml goes from 2 to 3 labels; added 2 (chargeback, refund); removed 1 (account)." }],
    },
  ],
});

const day = (d: string, sha: string, l: string[]): LabelVersion => ({ date: new Date(`${d}T00:00:00Z`), sha: sha.repeat(40).slice(0, 40), labels: l });
const churning = [day("2026-02-20", "d", ["a", "b", "c", "d"]), day("2026-02-01", "c", ["a", "b", "c"]), day("2026-01-10", "b", ["a", "b"]), day("2025-12-20", "a", ["a"])];

ruleTester("label-schema-churn", {
  valid: [
    { name: "changes within max_changes", input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: null, headLabels: null, history: churning.slice(0, 3) }] } },
    { name: "a raised max_changes", options: { max_changes: 3 }, input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: null, headLabels: null, history: churning }] } },
    { name: "old changes outside a shorter window_days", options: { window_days: 30 }, input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: null, headLabels: null, history: churning }] } },
  ],
  invalid: [
    {
      name: "three label-set changes in 90 days",
      input: { artifacts: [config], labelSchemas: [{ ...labels, baseLabels: null, headLabels: null, history: churning }] },
      findings: [{ path: "config/labels.yaml", severity: "warning", message: "The label set of config/labels.yaml changed 3 times in the 90 days before 2026-03-01 (more than 2); it went from 1 to 4 labels." }],
    },
  ],
});

const estimate = (over: Partial<TrainingEstimate> = {}): TrainingEstimate => ({
  tokens: 1_230_000,
  epochs: 3,
  trainedTokens: 3_690_000,
  usd: 11.07,
  method: "exact",
  model: "gpt-4o-mini",
  tokenizer: "o200k_base",
  priceKey: "gpt-4o-mini",
  configPath: "ft/job.json",
  configLine: 6,
  datasets: [{ path: "data/train.jsonl", tokens: 1_230_000, method: "exact" }],
  ...over,
});
const job = trainingConfig({}, { path: "ft/job.json", format: "openai" });
const budget = (e: TrainingEstimate | undefined) => ({ artifacts: [job], proposes: true, ...(e && { estimate: e }) });

ruleTester("training-budget", {
  valid: [
    { name: "no limits set (the default)", input: budget(estimate()) },
    { name: "under max_usd", options: { max_usd: 20 }, input: budget(estimate()) },
    { name: "exactly at max_trained_tokens", options: { max_trained_tokens: 3_690_000 }, input: budget(estimate()) },
    { name: "no estimate (nothing trained)", options: { max_usd: 1, max_trained_tokens: 1 }, input: budget(undefined) },
    { name: "no price for the model: max_usd cannot be judged", options: { max_usd: 1 }, input: budget(estimate({ usd: undefined, priceKey: undefined })) },
  ],
  invalid: [
    {
      name: "over max_usd, at the config's epochs line",
      options: { max_usd: 10 },
      input: budget(estimate()),
      findings: [
        {
          path: "ft/job.json",
          line: 6,
          severity: "warning",
          introduced: true,
          message: "The training run is estimated at $11.07 (ft/job.json:6): 1.23M tokens in data/train.jsonl, counted with o200k_base, × 3 epochs at the `gpt-4o-mini` price, over max_usd $10.00.",
        },
      ],
    },
    {
      name: "over max_trained_tokens",
      options: { max_trained_tokens: 1_000_000 },
      input: budget(estimate()),
      findings: [{ path: "ft/job.json", line: 6, message: "The training run trains 3.69M tokens (ft/job.json:6): 1.23M tokens in data/train.jsonl, counted with o200k_base, × 3 epochs, over max_trained_tokens 1M." }],
    },
    {
      name: "without epochs, one epoch already over max_trained_tokens",
      options: { max_trained_tokens: 1_000_000 },
      input: budget(estimate({ epochs: undefined, trainedTokens: undefined, usd: undefined, method: "chars/4", tokenizer: undefined })),
      findings: [{ message: /^The training run trains at least 1\.23M tokens \(ft\/job\.json:6\): 1\.23M tokens in one epoch of data\/train\.jsonl, estimated at 4 characters a token, over/ }],
    },
    {
      name: "both limits exceeded: two findings",
      options: { max_usd: 5, max_trained_tokens: 2_000_000 },
      input: budget(estimate()),
      findings: [{ message: /over max_usd \$5\.00\.$/ }, { message: /over max_trained_tokens 2M\.$/ }],
    },
  ],
});
