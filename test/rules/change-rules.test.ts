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
    { name: "a hyphenated technique as a list label under Alternatives", input: proposal("## Alternatives considered\n- Few-shot-only: 55% on the pilot set.") },
    { name: "a deterministic component that was benchmarked", input: proposal("Totals go through a pricing API instead; we benchmarked the API on 1k orders.") },
    { name: "a technique as a participle in an evaluation result", input: proposal("Our eval found the prompted model gets 12% of addresses wrong.") },
    { name: "a technique with a measured figure in its clause", input: proposal("On 500 tickets — prompting: 71%, the fine-tune: 88%.") },
    { name: "measured baselines", input: proposal("Two baselines were run first: BM25 at 0.31 MRR and a bi-encoder at 0.44.") },
    { name: "a comparison with a measured result, without a technique word", input: proposal("Compared with the old keyword pipeline: 0.52 vs 0.77 F1.") },
    { name: "a technique with a measured time", input: proposal("The current three-call prompt chain takes 4.5 s per answer.") },
    { name: "a technique chosen instead", input: proposal("We'll answer stock questions with a lookup tool instead.") },
    { name: "an alternative under a plain-text label", input: proposal("Alternatives\n- A canned-reply template (agents rejected 30%).") },
    { name: "a deterministic engine that was validated", input: proposal("The rota engine was validated on 300 rosters.") },
    { name: "a technique that was tried and did not help", input: proposal("Prompt rewrites (three of them) didn't change the refusal rate.") },
    { name: "an option set aside with a reason", input: proposal("A regex extractor was considered and rejected because the invoices come as scanned images.") },
    { name: "an option set aside on a price", input: proposal("Human post-editing was costed at £0.40 a page and ruled out.") },
    { name: "something other than the fine-tune, measured", input: proposal("The open-source NER package was evaluated first and missed 14% of policy numbers.") },
    { name: "a technique that failed", input: proposal("Retrieval over the wiki hasn't fixed the stale answers.") },
    { name: "an Alternatives field inside a line of fields", input: proposal("Goal: plainer letters. Alternatives: mail-merge templates (staff rewrote half). Budget: 2 s.") },
    { name: "today's prompted model, after versus", input: proposal("The 1B adapter should answer in 200 ms versus 2.1 s for the 70B we prompt today.") },
    { name: "a price in pence", input: proposal("Our previous approach, a prompted large model, cost 6p per request.") },
    { name: "any content under an Alternatives heading", input: proposal("## Alternatives\nSplitting the messages in code: breaks mid-sentence.") },
    { name: "an option considered, then ruled out", input: proposal("A date-parsing rule was considered, but the dates sit inside free text, so we ruled it out.") },
  ],
  invalid: [
    { name: "an Alternatives section that names only the fine-tune", input: proposal("## Alternatives\nN/A — fine-tuning is the only option."), findings: [{ message: /^No alternative to fine-tuning/ }] },
    { name: "an Alternatives field that points elsewhere", input: proposal("Alternatives: see the design doc."), findings: [{ message: /^No alternative to fine-tuning/ }] },
    { name: "something rejected that is no option", input: proposal("The first draft of this PR was rejected as too large, so this one is smaller."), findings: [{ message: /^No alternative to fine-tuning/ }] },
    { name: "something dismissed that is no option", input: proposal("Our old vendor was dismissed since the contract ended."), findings: [{ message: /^No alternative to fine-tuning/ }] },
    {
      name: "a training component is not an alternative, nor a negated technique with a figure",
      input: proposal("We tested two learning rates with the usual loss function. We haven't tried prompting; 40% of tickets are in French. Each row holds a prompt; 12% of rows are empty."),
      findings: [{ message: /^No alternative to fine-tuning/ }],
    },
    {
      name: "the model's own chain of thought is no technique that was tried",
      input: proposal("The agent's chain of thought reaches odd conclusions on long tickets."),
      findings: [{ message: /^No alternative to fine-tuning/ }],
    },
    {
      name: "a figure hoped for is no measurement, nor an adjective 'worked'",
      input: proposal("We expect the adapter to reach 92% on the holdout. Training data: 4k worked examples."),
      findings: [{ message: /^No alternative to fine-tuning/ }],
    },
    {
      name: "a component only named, not measured",
      input: proposal("The adapter calls our tax function after generation."),
      findings: [{ message: /^No alternative to fine-tuning/ }],
    },
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
  valid: [
    { name: "budget and cadence stated", input: proposal("The model must answer within p95 < 300 ms; we retrain monthly.") },
    { name: "a price per unit of work, a cadence by term", input: proposal("Serving is $0.002 per summary. Retrain each term.") },
    { name: "a cadence on an event, a budget under a plain-text label", input: proposal("Budget\n- 300 ms p95\n\nRetrain after every catalogue export.") },
    { name: "an amount in words (the English model's entities)", input: proposal("Replies must arrive within ninety milliseconds. We retrain monthly.") },
    { name: "a rule (---) under the last line is no heading", input: proposal("Budget: p95 under 300 ms, and we retrain monthly.\n---\ncc @ml-platform") },
    { name: "setext headings and a refit", input: proposal("Serving budget\n--------------\nUnder 400 ms at p95.\n\nRefresh policy\n==============\nRe-fit every month.") },
  ],
  invalid: [
    { name: "neither stated", input: proposal("We fine-tune."), findings: [{ severity: "notice", message: "The proposal states no latency or cost budget and no retraining cadence." }] },
    { name: "only the budget stated", input: proposal("Latency must stay under 200 ms."), findings: [{ message: "The proposal states no retraining cadence." }] },
    {
      name: "a clock time is no budget",
      input: proposal("Cost reports go out to finance at 9am each Monday. We retrain monthly."),
      findings: [{ message: "The proposal states no latency or cost budget." }],
    },
  ],
});

ruleTester("reasoning-fix", {
  valid: [
    { name: "no claim about reasoning", input: proposal("Fine-tuning teaches the reply format.") },
    { name: "a fault of form in the sentence before", input: proposal("The model often gets the JSON format wrong. Fine-tuning should make it correct.") },
    { name: "a wrong set-up fixed by retraining, no factual outcome", input: proposal("We shipped a wrong config. Retraining fixes that. The old adapter gave wrong outputs after the upgrade. Retraining should make it reliable again.") },
    { name: "a question answered no on the next line", input: proposal("Q: Could the adapter stop the made-up citations?\nA: Not really. It only learns the citation style.") },
    { name: "someone else's claim, reported before it", input: proposal("The product owner says fine-tuning will cure the hallucinations.") },
    { name: "a fault in the paragraph taken off the model by a tool", input: proposal("The bot invents tracking numbers. Tracking numbers now come from the carrier API; the adapter learns the reply layout.") },
    { name: "a fault in another paragraph", input: proposal("The bot invents tracking numbers.\n\nThe adapter should make the greetings consistent.") },
    { name: "a negation reaching across a long clause, the fix in another clause", input: proposal("This adapter is not supposed to make the model any more factual about prices; it learns the quote layout.") },
    { name: "someone else's view, with 'our' before them", input: proposal("Our head of sales reckons a LoRA would stop the invented discounts.") },
    { name: "a question answered 'not by itself'", input: proposal("Q: Will the adapter cut hallucinated SKUs?\nA: Not by itself. Retrieval does that.") },
    { name: "a negation right after the target", input: proposal("Better arithmetic is not expected from this adapter; it learns the invoice wording.") },
    { name: "a fault of form: tags", input: proposal("The model puts the wrong topic tags on tickets. Fine-tuning should make the tags right.") },
    { name: "a metric being watched is no claim", input: proposal("After training we will monitor the hallucination rate to make sure it stays flat; the LoRA targets tone.") },
    { name: "the writer disagrees with the idea", input: proposal("Fine-tuning would stop the invented part numbers, the vendor said. We disagree; part numbers now come from the catalogue API.") },
    { name: "someone else's claim, with 'model' in their name", input: proposal("The model provider says its tuning service cuts hallucinations in half. We have not checked.") },
    { name: "a risk, not a goal", input: proposal("## Risks\nThe adapter could make it hallucinate more; we will compare on the held-out set.") },
    { name: "a target before a metric", input: proposal("We will report the factuality score before and after; the LoRA learns the house style.") },
    { name: "a fault, then a plan for form", input: proposal("The bot sometimes invents opening hours. We'll fine-tune it for a friendlier tone.") },
    { name: "a fault taken by another fix, then the plan", input: proposal("It quotes prices that aren't in the catalogue, so prices now come from the pricing API. We'll fine-tune the reply layout.") },
    { name: "a plan to retrain on a schedule", input: proposal("The bot used to make up order numbers; it now reads them from the OMS. We plan to retrain the model every 6 weeks.") },
    // Sound proposals a second reader wrote against the new readings: ordinary English, not a claim.
    { name: "'in addition'", input: proposal("In addition, fine-tuning should improve how it greets returning customers.") },
    { name: "percentages as presentation", input: proposal("Fine-tuning should help it present percentages the way finance writes them.") },
    { name: "totals that add up visually", input: proposal("We'll fine-tune so totals add up visually in the table layout.") },
    { name: "'than they are'", input: proposal("Fine-tuning should make answers less wordy than they are today.") },
    { name: "'when it's not' about the reader", input: proposal("Customers get confused when it's not clear who replied. We'll fine-tune on signed replies.") },
    { name: "keeping a reasoning trace out of the reply", input: proposal("The LoRA should keep the reasoning trace out of the customer-facing reply.") },
    { name: "a catalogue fact, not the model's", input: proposal("## Problem\nAny product that is not in the catalogue is escalated to a human.") },
    { name: "search results out of order", input: proposal("## Problem\nOur search returns results out of order.") },
    { name: "a fault taken by a lookup between it and the plan", input: proposal("The bot invents order numbers. Since March, order numbers come from the OMS lookup. We'll fine-tune on 4k chats to shorten replies.") },
    { name: "a fault taken by a service between it and the plan", input: proposal("The bot miscounts refunds. The refund amount is now computed by the billing service. We'll fine-tune on 4k chats for tone.") },
    { name: "a wrong queue is a fault of form", input: proposal("The bot sends tickets to the wrong team. Fine-tune on routed tickets to fix that.") },
  ],
  invalid: [
    {
      name: "a fault earlier in the paragraph, then the plan to fine-tune",
      input: proposal("It miscounts line items on long invoices. We'll fine-tune it on 3k checked invoices."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "It miscounts line items on long invoices\. We'll fine-tune/ }],
    },
    {
      name: "facts the source does not contain, removed by the fine-tune",
      input: proposal("Fine-tuning should stop the assistant citing sections that aren't in the handbook."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "Fine-tuning should stop the assistant citing sections that aren't in the handbook\."/ }],
    },
    {
      name: "a mix-up removed, in a field labelled with a reporting verb",
      input: proposal("Ask: fine-tune the fixtures bot so it stops mixing up home and away results."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "Ask: fine-tune the fixtures bot/ }],
    },
    {
      name: "an imperative plan after a fault of fact",
      input: proposal("About one in five of its answers get the renewal dates wrong. Fine-tune on renewal tickets so it works them out properly."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "About one in five/ }],
    },
    {
      name: "a fault of fact pointed at with 'that'",
      input: proposal("The freight bot keeps getting pallet weights wrong. Training it on the carrier sheets should sort that out."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "The freight bot keeps getting pallet weights wrong\./ }],
    },
    {
      name: "a fault of fact in the sentence before, and an accurate outcome expected",
      input: proposal("It quotes wrong delivery dates. The adapter should make its answers accurate."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "It quotes wrong delivery dates\. The adapter should make its answers accurate\."\.$/ }],
    },
    {
      name: "a fault stated after the claim, in the same paragraph",
      input: proposal("The adapter should make its answers on tax codes consistent. At the moment it contradicts itself from one turn to the next."),
      findings: [{ message: /^The proposal expects fine-tuning to fix reasoning: "The adapter should make its answers on tax codes consistent\. At the moment it contradicts itself/ }],
    },
    {
      name: "a fault of fact in another clause of the same sentence",
      input: proposal("After fine-tuning, its refund totals should be correct; today they are wrong in 8% of quotes."),
      findings: [{ message: /refund totals should be correct/ }],
    },
    {
      name: "the model's own doing is not reported speech",
      input: proposal("The LoRA should cut the invented config keys it suggests."),
      findings: [{ message: /invented config keys it suggests/ }],
    },
    {
      name: "a fault under a Problem heading, fixed under Plan: one finding, at the fault",
      input: proposal("## Problem\nQuotes for multi-room jobs are often incorrect.\n## Plan\nFine-tune on 2k checked quotes to fix this."),
      findings: [{ line: 2, message: /^The proposal expects fine-tuning to fix reasoning: "Quotes for multi-room jobs are often incorrect\."\.$/ }],
    },
    {
      name: "a fault taken away by the fine-tune, and a privative before a fault",
      input: proposal("Training on the rota rules should stop it giving wrong shift totals. Goal: a LoRA that plans without logical errors."),
      findings: [{ message: /stop it giving wrong shift totals/ }, { message: /plans without logical errors/ }],
    },
    {
      name: "a table row anchored by the fine-tune its table names",
      input: proposal("| Aim | Detail |\n|---|---|\n| Accuracy | Stop the model inventing room numbers |\n| Method | QLoRA on 1k bookings |"),
      findings: [{ message: /Stop the model inventing room numbers/ }],
    },
    {
      name: "'the hope is' is the writer's own hope, not reported speech",
      input: proposal("The hope is that the adapter stops hallucinating flight numbers."),
      findings: [{ message: /stops hallucinating flight numbers/ }],
    },
    {
      name: "a purpose between the fine-tune and the target",
      input: proposal("Tune the scheduler so it reasons about shift overlaps."),
      findings: [{ message: /so it reasons about shift overlaps/ }],
    },
    {
      name: "a fault under a plain-text Motivation label",
      input: proposal("Motivation\n\nThe bot quotes fares that don't exist."),
      findings: [{ line: 3, message: /quotes fares that don't exist/ }],
    },
    {
      name: "truthfulness is factuality",
      input: proposal("A fine-tuned model should be more truthful about stock levels."),
      findings: [{ message: /more truthful about stock levels/ }],
    },
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
    {
      name: "already a full fine-tune on the base branch: existing",
      input: {
        artifacts: [
          trainingConfig(
            { usesAdapter: false, adapterLine: 4 },
            { status: "modified", baseConfig: { framework: "axolotl", infrastructure: false, usesAdapter: false, referencesEval: false, datasetPaths: [], evalPaths: [] } },
          ),
        ],
      },
      findings: [{ line: 4, introduced: false }],
    },
    {
      name: "a config the change turns from an adapter into a full fine-tune: introduced",
      input: {
        artifacts: [
          trainingConfig(
            { usesAdapter: false, adapterLine: 4 },
            { status: "modified", baseConfig: { framework: "axolotl", infrastructure: false, usesAdapter: true, referencesEval: false, datasetPaths: [], evalPaths: [] } },
          ),
        ],
      },
      findings: [{ line: 4, introduced: true }],
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
