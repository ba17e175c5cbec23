/** Table-driven tests of the eval rules (see test/helpers/rule-tester.ts). */
import { ruleTester, type DatasetSpec } from "../helpers/rule-tester.js";
import { chat, classified, distinctTexts, trainingConfig } from "./rule-cases.js";

const train = (text: string, over: Partial<DatasetSpec> = {}): DatasetSpec => ({ path: "data/train.jsonl", format: "classification", text, ...over });
const evalSet = (text: string, over: Partial<DatasetSpec> = {}): DatasetSpec => ({ path: "data/eval.jsonl", format: "classification", role: "eval", text, ...over });

ruleTester("eval-coverage", {
  valid: [
    { name: "the eval set tests every trained label", datasets: [train(classified({ a: 5, b: 5 })), evalSet(classified({ b: 2, a: 2 }))] },
    { name: "no labelled eval set (nothing to compare)", datasets: [train(classified({ a: 5, b: 5 }))] },
  ],
  invalid: [
    {
      name: "trained labels the eval set never tests, reported on the eval set",
      datasets: [train(classified({ a: 5, b: 5, c: 5 })), evalSet(classified({ a: 2 }))],
      findings: [{ path: "data/eval.jsonl", severity: "warning", introduced: true, message: "2 label(s) in data/train.jsonl are never tested by data/eval.jsonl: b, c." }],
    },
    {
      name: "labels already untested on the base branch: existing",
      datasets: [train(classified({ a: 5, b: 5 }), { base: classified({ a: 5, b: 4 }) }), evalSet(classified({ a: 3 }), { base: classified({ a: 2 }) })],
      findings: [{ introduced: false, message: /\(all of them already untested on the base branch\)/ }],
    },
  ],
});

const shared = distinctTexts(6, 8, 41);

ruleTester("eval-leakage", {
  valid: [
    { name: "disjoint train and eval sets", datasets: [train(chat(shared.slice(0, 3)), { format: "openai-chat" }), evalSet(chat(shared.slice(3)), { format: "openai-chat" })] },
  ],
  invalid: [
    {
      name: "an eval record also in the training data, at its eval line",
      datasets: [train(chat(shared.slice(0, 4)), { format: "openai-chat" }), evalSet(chat([shared[5]!, shared[2]!]), { format: "openai-chat" })],
      findings: [{ path: "data/eval.jsonl", line: 2, severity: "error", introduced: true, message: "Eval line 2 also appears in the training data at data/train.jsonl:3." }],
    },
    {
      name: "a config that trains on a held-out split",
      input: { artifacts: [trainingConfig({ evalSplitsInTraining: [{ dataset: "tatsu-lab/alpaca", split: "test", line: 7 }] })] },
      findings: [{ path: "configs/train.yml", line: 7, message: 'configs/train.yml trains on the held-out split "test" of tatsu-lab/alpaca: the model will be evaluated on data it saw.' }],
    },
    {
      name: "an old leak stays existing when neither side changed",
      datasets: [
        train(chat([...shared.slice(0, 4), shared[4]!]), { format: "openai-chat", base: chat(shared.slice(0, 4)) }),
        evalSet(chat([shared[5]!, shared[2]!]), { format: "openai-chat", context: true }),
      ],
      findings: [{ line: 2, introduced: false }],
    },
  ],
});

ruleTester("eval-suite", {
  valid: [
    { name: "the config references an eval set", input: { artifacts: [trainingConfig({ referencesEval: true })] } },
    { name: "the repository has an eval file", input: { artifacts: [trainingConfig()], evalFiles: ["evals/suite.yaml"] } },
    { name: "infrastructure only", input: { artifacts: [trainingConfig({ infrastructure: true })] } },
  ],
  invalid: [
    {
      name: "a training config without any eval anywhere",
      input: { artifacts: [trainingConfig()] },
      findings: [{ path: "configs/train.yml", severity: "warning", introduced: true, message: /references no eval set or validation split/ }],
    },
  ],
});
