/**
 * The audit of the dataset scan for lost findings and unmasked secrets: each case is the smallest
 * real-shaped record set that showed a defect, asserting what the scan should do.
 */
import { describe, expect, it } from "@jest/globals";
import { scanDataset } from "../../src/datasets/index.js";
import type { DatasetScan } from "../../src/types.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

// Fake values of real shape.
const OPENAI_KEY = "sk-proj-" + "Fk01QzAb3dEf6hIj9kLm2nOp";
const GITHUB_TOKEN = "ghp_" + "F03aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1";
const AWS_KEY = "AKIA" + "Z04QWERTYUIOPASD";
const EMAIL = "maria.gonzalez@northwind-traders.com";

const chat = (user: string, assistant: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: assistant },
    ],
    ...extra,
  });

async function scan(path: string, format: string, text: string | Buffer, maxRecordBytes?: number): Promise<DatasetScan> {
  const chunks = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return scanDataset({ path, format, role: "train", chunks, lexicon: defaultTestLexicon(), workers: 0, ...(maxRecordBytes && { maxRecordBytes }) });
}

const hits = (s: DatasetScan) => s.sensitive.map((h) => ({ line: h.line, kind: h.kind }));

describe("a record that fails its format still has its secrets found", () => {
  it("an OpenAI chat record with an unknown role or no assistant turn", async () => {
    const body = [
      chat("Hi", "Hello there."),
      JSON.stringify({
        messages: [
          { role: "usr", content: `token ${GITHUB_TOKEN}` },
          { role: "assistant", content: "ok" },
        ],
      }),
      JSON.stringify({ messages: [{ role: "user", content: `Write to ${EMAIL}` }] }),
      chat("Bye", "Goodbye."),
    ].join("\n");
    const s = await scan("data/train.jsonl", "openai-chat", body);
    expect(s.formatIssues.map((i) => i.line)).toEqual([2, 3]);
    expect(hits(s)).toEqual([
      { line: 2, kind: "github-token" },
      { line: 3, kind: "email" },
    ]);
  });

  it("an OpenAI tool call whose arguments are an object, not a JSON string", async () => {
    const call = {
      messages: [
        { role: "user", content: "Weather in Rome?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: { city: "Rome", key: AWS_KEY } } }],
        },
      ],
    };
    const s = await scan("data/tools.jsonl", "openai-chat", [chat("a", "b"), JSON.stringify(call)].join("\n"));
    expect(s.formatIssues.map((i) => i.message)).toEqual(['line 2: message 2 tool call 1 "arguments" is not a JSON string']);
    expect(hits(s)).toEqual([{ line: 2, kind: "aws-access-key" }]);
  });

  it("a ShareGPT record in a JSON array with a turn that has no value", async () => {
    const records = [
      {
        conversations: [
          { from: "human", value: "hi" },
          { from: "gpt", value: "hello" },
        ],
      },
      { conversations: [{ from: "human", value: `use ${OPENAI_KEY}` }, { from: "gpt" }] },
    ];
    const s = await scan("data/sharegpt.json", "sharegpt", JSON.stringify(records, null, 1));
    expect(s.formatIssues).toHaveLength(1);
    expect(s.sensitive.map((h) => h.kind)).toEqual(["openai-api-key"]);
  });
});

describe("a record that does not parse still has its secrets found", () => {
  it("a JSONL line with a trailing comma, and one with a byte that is not UTF-8", async () => {
    const bad = chat(`Deploy with key ${OPENAI_KEY}`, "Done.").slice(0, -1) + ",}";
    const latin1 = Buffer.from(`{"messages":[{"role":"user","content":"mail ${EMAIL} caf\u00e9"},{"role":"assistant","content":"ok"}]}`, "latin1");
    const body = Buffer.concat([Buffer.from(`${chat("Hi", "Hello.")}\n${bad}\n`), latin1, Buffer.from(`\n${chat("Bye", "Bye.")}\n`)]);
    const s = await scan("data/train.jsonl", "openai-chat", body);
    expect(s.formatIssues.map((i) => i.line)).toEqual([2, 3]);
    expect(hits(s)).toEqual([
      { line: 2, kind: "openai-api-key" },
      { line: 3, kind: "email" },
    ]);
  });

  it("a broken element of a JSON array, and CSV rows with a wrong field count or a stray quote", async () => {
    const array = `[\n  {"instruction": "Say hi", "input": "", "output": "Hi"},\n  {"instruction": "Store key ${AWS_KEY}", "input": "", "output": "ok" "x"}\n]\n`;
    const a = await scan("data/alpaca.json", "alpaca", array);
    expect(a.formatIssues.map((i) => i.line)).toEqual([3]);
    expect(hits(a)).toEqual([{ line: 3, kind: "aws-access-key" }]);
    const csv = `text,label\nmy card was charged twice,billing\nreset with key ${OPENAI_KEY},extra,billing\nmail ${EMAIL} "now",support\n`;
    const c = await scan("data/tickets.csv", "classification", csv);
    expect(c.formatIssues.map((i) => i.line)).toEqual([3, 4]);
    expect(hits(c)).toEqual([
      { line: 3, kind: "openai-api-key" },
      { line: 4, kind: "email" },
    ]);
  });

  it("a record after a line over the length limit is read", async () => {
    const body = [`{"text": "${"x".repeat(300)}"}`, JSON.stringify({ text: `key ${OPENAI_KEY}` })].join("\n");
    const s = await scan("data/notes.jsonl", "text", body, 200);
    expect(s.formatIssues.map((i) => i.line)).toEqual([1]);
    expect(hits(s)).toEqual([{ line: 2, kind: "openai-api-key" }]);
  });
});

describe("secrets in places the scan might not read", () => {
  it("an email used as a key name in a record's metadata", async () => {
    const body = [chat("a", "b"), chat("Rate this", "Good.", { metadata: { reviewers: { [EMAIL]: 0.9 } } })].join("\n");
    const s = await scan("data/train.jsonl", "openai-chat", body);
    expect(hits(s)).toEqual([{ line: 2, kind: "email" }]);
  });

  it("a system prompt, tool-call arguments and a tools schema (read: these passed)", async () => {
    const record = {
      messages: [
        { role: "system", content: `Internal key: ${OPENAI_KEY}` },
        { role: "user", content: "weather?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: JSON.stringify({ api_key: AWS_KEY }) } }],
        },
        { role: "tool", tool_call_id: "c1", content: "sunny" },
        { role: "assistant", content: "Sunny." },
      ],
      tools: [
        { type: "function", function: { name: "get_weather", description: `Use token ${GITHUB_TOKEN}`, parameters: { type: "object", properties: {} } } },
      ],
    };
    const s = await scan("data/tools.jsonl", "openai-chat", JSON.stringify(record));
    expect(s.formatIssues).toEqual([]);
    expect(s.sensitive.map((h) => h.kind).sort()).toEqual(["aws-access-key", "github-token", "openai-api-key"]);
  });

  // Its header's names are read once, at the header's line, not as every record's keys.
  it("the first row of a CSV without a header", async () => {
    const s = await scan("data/tickets.csv", "unknown", `email ${EMAIL} about a refund,billing\nmy parcel is late,shipping\n`);
    expect(hits(s)).toEqual([{ line: 1, kind: "email" }]);
  });

  it("the value of a Rasa entity annotation", async () => {
    const yaml = `version: "3.1"\nnlu:\n- intent: give_key\n  examples: |\n    - my key is [secret]{"entity": "api_key", "value": "${OPENAI_KEY}"}\n    - here it is\n`;
    const s = await scan("data/nlu.yml", "rasa-nlu", yaml);
    expect(hits(s)).toEqual([{ line: 5, kind: "openai-api-key" }]);
  });
});

describe("messages that echo record content", () => {
  it("an invalid-JSON message quotes none of the record's text (V8 quotes up to 10 characters around the error)", async () => {
    const body = [chat("a", "b"), `{"key": ${AWS_KEY}, "messages": []}`].join("\n");
    const s = await scan("data/train.jsonl", "openai-chat", body);
    expect(s.formatIssues).toHaveLength(1);
    const message = s.formatIssues[0]!.message;
    expect(message).toMatch(/^line 2: invalid JSON: /);
    expect(message).not.toContain(AWS_KEY.slice(0, 8));
  });
});

describe("a dataset-format message that quotes a record's value", () => {
  it("quotes a short role whole, and a long one (text pasted into the role) by its length only", async () => {
    const pasted = `Please reset my account, the admin token is ${GITHUB_TOKEN} and my mail ${EMAIL}`;
    const body = [
      JSON.stringify({
        messages: [
          { role: "usr", content: "hi" },
          { role: "assistant", content: "ok" },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: pasted, content: "hi" },
          { role: "assistant", content: "ok" },
        ],
      }),
    ].join("\n");
    const s = await scan("data/train.jsonl", "openai-chat", body);
    expect(s.formatIssues.map((i) => i.message)).toEqual(['line 1: message 1 has role "usr"', `line 2: message 1 has role of ${pasted.length} characters`]);
    expect(hits(s)).toEqual([
      { line: 2, kind: "github-token" },
      { line: 2, kind: "email" },
    ]);
  });
});
