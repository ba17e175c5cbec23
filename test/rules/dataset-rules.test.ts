/** Table-driven tests of the dataset rules (see test/helpers/rule-tester.ts). */
import { ruleTester, type DatasetSpec } from "../helpers/rule-tester.js";
import { chat, classified, distinctTexts, trainingConfig } from "./rule-cases.js";

const train = (text: string, over: Partial<DatasetSpec> = {}): DatasetSpec => ({ path: "data/train.jsonl", format: "classification", text, ...over });
const chats = (text: string, over: Partial<DatasetSpec> = {}): DatasetSpec => ({ path: "data/chat.jsonl", format: "openai-chat", text, ...over });

/** An OpenAI job (no sequence length to state) that fine-tunes `model` on data/chat.jsonl. */
const openaiJob = (model: string) => trainingConfig({ framework: "openai", model, datasetPaths: ["data/chat.jsonl"] }, { path: "ft/job.json", format: "openai" });
const longRecord = chat(["short one", distinctTexts(1, 2600)[0]!]);

ruleTester("dataset-balance", {
  valid: [
    { name: "two labels of the same size", datasets: [train(classified({ a: 20, b: 20 }))] },
    { name: "a single label (nothing to compare)", datasets: [train(classified({ a: 3 }))] },
    { name: "a rare label within lowered floors", options: { min_ratio: 0.05, min_per_label: 2 }, datasets: [train(classified({ a: 40, b: 3 }))] },
    { name: "an eval set is not judged", datasets: [train(classified({ a: 40, b: 1 }), { path: "data/eval.jsonl", role: "eval" })] },
  ],
  invalid: [
    {
      name: "a label under min_per_label and min_ratio, at its first line",
      datasets: [train(classified({ a: 40, b: 3 }))],
      findings: [{ path: "data/train.jsonl", line: 41, severity: "warning", introduced: true, message: /Label "b" has 3 examples .* fewer than 10/ }],
    },
    {
      name: "a raised min_ratio from the repo config",
      options: { min_ratio: 0.6 },
      datasets: [train(classified({ a: 30, b: 15 }))],
      findings: [{ line: 31, message: /50% of the largest label "a" \(30\); the floor is 60%/ }],
    },
    {
      name: "a severity override from the repo config",
      options: { severity: "error" },
      datasets: [train(classified({ a: 40, b: 3 }))],
      findings: [{ severity: "error" }],
    },
    {
      name: "already as rare on the base branch: existing",
      datasets: [train(classified({ a: 40, b: 4 }), { base: classified({ a: 40, b: 3 }) })],
      findings: [{ line: 41, introduced: false, message: /\(3 on the base branch\)/ }],
    },
    {
      name: "rarer than on the base branch: introduced",
      datasets: [train(classified({ a: 60, b: 3 }), { base: classified({ a: 40, b: 3 }) })],
      findings: [{ introduced: true }],
    },
  ],
});

ruleTester("dataset-duplicates", {
  valid: [
    { name: "distinct records", datasets: [chats(chat(distinctTexts(30)))] },
    { name: "a share of repeats under a raised max_ratio", options: { max_ratio: 0.5 }, datasets: [chats(chat([...distinctTexts(10), ...distinctTexts(2)]))] },
    {
      name: "the same prompt with different answers (the whole example is compared)",
      datasets: [chats(chat(["Write a haiku about the sea", "Write a haiku about the sea", ...distinctTexts(10)], ["Waves fold into foam, gulls argue over the pier, salt dries on my hands", "Grey tide at midnight, a lighthouse counts the seconds, boats sleep in the dark"]))],
    },
  ],
  invalid: [
    {
      name: "exact repeats above max_ratio, each at its line",
      datasets: [chats(chat([...distinctTexts(10), ...distinctTexts(2)]))],
      findings: [
        { line: 11, severity: "warning", introduced: true, message: /^Line 11 repeats line 1 .* 2 of 12 examples \(16\.7%, above 5%\)/ },
        { line: 12, message: /^Line 12 repeats line 2/ },
      ],
    },
    {
      name: "examples that differ only by a prompt prefix nearly repeat, said of the whole example",
      datasets: [
        chats(
          chat(
            [...distinctTexts(10), "My card payment was declined at the grocery store this morning even though my balance is fine and I have used it before", "Customer says: my card payment was declined at the grocery store this morning even though my balance is fine and I have used it before"],
            [...distinctTexts(10).map(() => "See the help centre."), "Sorry about that: card payments can be declined when the merchant's terminal flags a mismatch, so please try again or contact us with the time of the payment", "Sorry about that: card payments can be declined when the merchant's terminal flags a mismatch, so please try again or contact us with the time of the payment"],
          ),
        ),
      ],
      findings: [{ line: 12, message: /^Line 12 nearly repeats line 11 \(the whole example, prompt and answer, at 85% or more word overlap, not counting text that a large share of the file's records share\); 1 of 12 examples/ }],
    },
    {
      name: "an old pair in a file already over the limit is existing, a new one introduced",
      datasets: [chats(chat([...distinctTexts(10), ...distinctTexts(2), "a brand new question", "a brand new question"]), { base: chat([...distinctTexts(10), ...distinctTexts(2)]) })],
      findings: [{ line: 11, introduced: false }, { line: 12, introduced: false }, { line: 14, introduced: true, message: /^Line 14 repeats line 13 .*\(duplicates rose from 16\.7% to 21\.4% on this change\)/ }],
    },
  ],
});

ruleTester("dataset-format", {
  valid: [{ name: "well-formed records", datasets: [train(classified({ a: 2, b: 2 }))] }],
  invalid: [
    {
      name: "a line that is not JSON and one that misses its label",
      datasets: [train([classified({ a: 1 }), "{not json", JSON.stringify({ text: "hello there" })].join("\n"))],
      findings: [
        { line: 2, severity: "error", introduced: true, message: /^Line 2 of data\/train\.jsonl is not a valid classification record: / },
        { line: 3, message: /missing "label"/ },
      ],
    },
    {
      name: "an old broken record of a modified file is existing",
      datasets: [train([classified({ a: 1 }), "{not json", classified({ b: 1 })].join("\n"), { base: [classified({ a: 1 }), "{not json"].join("\n") })],
      findings: [{ line: 2, introduced: false }],
    },
  ],
});

ruleTester("dataset-length", {
  valid: [
    { name: "short records under max_tokens", datasets: [chats(chat(distinctTexts(3)))] },
    { name: "a 5,000-token record is under gpt-4o-mini's 65,536 per-example limit (not the 4,096 default)", input: { artifacts: [openaiJob("gpt-4o-mini-2024-07-18")] }, datasets: [chats(longRecord)] },
  ],
  invalid: [
    {
      name: "a record over a lowered max_tokens",
      options: { max_tokens: 30 },
      datasets: [chats(chat(["short one", distinctTexts(1, 60)[0]!]))],
      findings: [{ line: 2, severity: "notice", message: /^Line 2 is about \d+ tokens \(estimated at 4 characters a token\), longer than the sequence length 30 \(the rule's max_tokens\)/ }],
    },
    {
      name: "the same record is over gpt-3.5-turbo-0613's 4,096, and the message says where the limit comes from",
      input: { artifacts: [openaiJob("gpt-3.5-turbo-0613")] },
      datasets: [chats(longRecord)],
      findings: [{ line: 2, message: /longer than the sequence length 4096 \(OpenAI's per-example limit for gpt-3\.5-turbo-0613, the model ft\/job\.json fine-tunes\)/ }],
    },
    {
      name: "an empty target",
      datasets: [chats([chat(["fine"]), JSON.stringify({ messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "" }] })].join("\n"))],
      findings: [{ line: 2, message: `Line 2 has an empty target (or a placeholder such as "N/A" or "<No Output>"): the model would learn to answer with nothing.` }],
    },
  ],
});

ruleTester("dataset-sensitive", {
  valid: [{ name: "no secrets or personal data", datasets: [chats(chat(distinctTexts(3)))] }],
  invalid: [
    {
      name: "a key is an error, an email a warning, both masked",
      datasets: [chats(chat(["my key is sk-proj-AbCdEfGhIjKlMnOpQrStUvWx12", "write to jane.doe@gmail.com"]))],
      findings: [
        { line: 1, severity: "error", message: /^Line 1 holds a secret: .*openai-api-key/ },
        { line: 2, severity: "warning", message: /^Line 2 holds personal data: .*email/ },
      ],
    },
    {
      name: "an example.com address and a 555-01xx number are a placeholder notice, not personal data",
      datasets: [chats(chat(["Draft a signature: Jane Doe, jane.doe@example.com, (415) 555-0142", "Draft another one for Ann"], ["Jane Doe | jane.doe@example.com", "Ann Lee | (415) 555-0199"]))],
      findings: [
        { line: 1, severity: "notice", message: /^Line 1 holds contact data that looks like a placeholder \(a domain or number reserved for examples\): j\*\*\*@… \(email\); not counted as personal data\.$/ },
        { line: 1, severity: "notice", message: /placeholder .*\(phone\)/ },
        { line: 2, severity: "notice", message: /placeholder .*\(phone\)/ },
      ],
    },
    {
      name: "placeholders are left out when the file holds real personal data",
      datasets: [chats(chat(["Draft a signature: Jane Doe, jane.doe@example.com", "Reply to mark.ellis@gmail.com"]))],
      findings: [{ line: 2, severity: "warning", message: /^Line 2 holds personal data: m\*\*\*@… \(email\)\.$/ }],
    },
  ],
});

ruleTester("dataset-size", {
  valid: [
    { name: "enough examples for a lowered min_examples", options: { min_examples: 3 }, datasets: [train(classified({ a: 3 }))] },
    { name: "eval sets are not judged", datasets: [train(classified({ a: 3 }), { role: "eval" })] },
  ],
  invalid: [
    {
      name: "fewer than min_examples",
      datasets: [train(classified({ a: 5 }))],
      findings: [{ path: "data/train.jsonl", severity: "warning", introduced: true, message: "data/train.jsonl has 5 valid training examples; the minimum is 100." }],
    },
    {
      name: "already too small on the base branch and no smaller: existing",
      datasets: [train(classified({ a: 6 }), { base: classified({ a: 5 }) })],
      findings: [{ introduced: false, message: /6 valid training examples \(5 on the base branch\)/ }],
    },
    {
      name: "smaller than on the base branch: introduced",
      datasets: [train(classified({ a: 4 }), { base: classified({ a: 5 }) })],
      findings: [{ introduced: true }],
    },
  ],
});

ruleTester("business-rules-in-data", {
  valid: [
    { name: "plain answers", datasets: [chats(chat(distinctTexts(5), distinctTexts(5, 6, 7)))] },
    {
      name: "rule-like targets under min_matches",
      datasets: [chats(chat(distinctTexts(10), ["Transfers are limited to $500 a day.", ...distinctTexts(9, 6, 3)]))],
    },
  ],
  invalid: [
    {
      name: "rule-like targets above max_share, each at its line",
      datasets: [
        chats(chat(distinctTexts(6), ["Transfers are limited to $500 a day.", "Gold members are eligible for free returns.", "The daily limit is strict.", ...distinctTexts(3, 6, 3)])),
      ],
      findings: [
        { line: 1, severity: "warning", message: /^Line 1's target states a rule or fixed fact \(".*"\); 3 of 6 targets \(50%\)/ },
        { line: 2 },
        { line: 3 },
      ],
    },
  ],
});

