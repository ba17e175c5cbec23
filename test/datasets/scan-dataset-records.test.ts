import { describe, it, expect } from "@jest/globals";
import { scanDataset } from "../../src/datasets/index.js";
import type { DatasetScan } from "../../src/types.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

const chat = (user: string, assistant: string): string =>
  JSON.stringify({
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: assistant },
    ],
  });

/** Yields the content in chunks of `size` bytes so lines and UTF-8 sequences straddle chunk boundaries. */
async function* chunked(content: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
}

function scan(path: string, format: string, content: string | Buffer, chunkSize = 7, maxRecordBytes?: number): Promise<DatasetScan> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  return scanDataset({
    path,
    format,
    role: "train",
    chunks: chunked(bytes, chunkSize),
    lexicon: defaultTestLexicon(),
    ...(maxRecordBytes !== undefined && { maxRecordBytes }),
  });
}

describe("scanDataset record checks", () => {
  it("reports bad JSON, invalid UTF-8 and a wrong shape each at its line and counts the valid lines", async () => {
    const lines = [
      chat("one", "a"),
      chat("two", "b"),
      '{"messages": [{"role": "user", "content": "three"}',
      chat("four", "d"),
      "@@BAD@@",
      chat("six", "f"),
      JSON.stringify({ prompt: "seven", completion: "g" }),
      chat("eight", "h"),
    ];
    const bytes = Buffer.from(lines.join("\n") + "\n", "utf8");
    const at = bytes.indexOf("@@BAD@@");
    const content = Buffer.concat([bytes.subarray(0, at), Buffer.from(chat("fiv", "e").slice(0, 30)), Buffer.from([0xc3, 0x28]), bytes.subarray(at + 7)]);
    const result = await scan("data/train.jsonl", "openai-chat", content);
    expect(result.records).toBe(5);
    expect(result.keys.map((k) => k.line)).toEqual([1, 2, 4, 6, 8]);
    expect(result.formatIssues.map((i) => i.line)).toEqual([3, 5, 7]);
    expect(result.formatIssues[0]!.message).toMatch(/^line 3: invalid JSON: /);
    expect(result.formatIssues[1]!.message).toBe("line 5: not valid UTF-8 (byte 0xC3 at column 31)");
    expect(result.formatIssues[2]!.message).toBe('line 7: missing "messages"');
  });

  it("names the message that breaks the chat format", async () => {
    const content = [
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "foo", content: "x" },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "system", content: "s" },
          { role: "user", content: "hi" },
        ],
      }),
      JSON.stringify({ messages: "hello" }),
      JSON.stringify({ messages: [{ role: "user" }, { role: "assistant", content: "x" }] }),
      JSON.stringify([1, 2]),
      JSON.stringify({
        messages: [
          { role: "user", content: [{ type: "text", text: "hi" }] },
          { role: "assistant", content: "ok" },
        ],
      }),
    ].join("\n");
    const result = await scan("chat.jsonl", "openai-chat", content);
    expect(result.formatIssues.map((i) => i.message)).toEqual([
      'line 1: message 2 has role "foo"',
      "line 2: no assistant message",
      'line 3: "messages" is not a list',
      'line 4: message 1 has no "content"',
      "line 5: record is not a JSON object",
    ]);
    expect(result.records).toBe(1);
  });

  it("accepts the OpenAI tool-call and function-call shapes and rejects what OpenAI rejects", async () => {
    const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } };
    const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
    const content = [
      // What the OpenAI SDK writes for a plain answer.
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "Hello!", tool_calls: null, function_call: null, refusal: null },
        ],
      }),
      JSON.stringify({
        tools: [weather],
        parallel_tool_calls: false,
        messages: [
          { role: "user", content: "Weather in Paris?" },
          { role: "assistant", content: null, tool_calls: [call] },
          { role: "tool", tool_call_id: "call_1", content: '{"temp_c":18}' },
          { role: "assistant", content: "18 °C in Paris." },
        ],
      }),
      // Legacy function calling, ending on the call: the call is the trained target.
      JSON.stringify({
        functions: [{ name: "get_weather", parameters: {} }],
        messages: [
          { role: "user", content: "Weather in Rome?" },
          { role: "assistant", function_call: { name: "get_weather", arguments: '{"city":"Rome"}' } },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "draft", weight: 0 },
          { role: "user", content: "b" },
          { role: "assistant", content: "final", weight: 1 },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: null, tool_calls: null },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: null, tool_calls: [{ ...call, function: { name: "get_weather", arguments: { city: "Paris" } } }] },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi", weight: 1 },
          { role: "assistant", content: "x" },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "x", weight: 2 },
        ],
      }),
      JSON.stringify({
        parallel_tool_calls: "yes",
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "x" },
        ],
      }),
      JSON.stringify({
        tools: { name: "get_weather" },
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "x" },
        ],
      }),
    ].join("\n");
    const result = await scan("tools.jsonl", "openai-chat", content);
    expect(result.formatIssues.map((i) => i.message)).toEqual([
      'line 5: message 2 has no "content"',
      'line 6: message 2 tool call 1 "arguments" is not a JSON string',
      'line 7: message 1 has "weight" but only assistant messages take one',
      'line 8: message 2 "weight" is 2, not 0 or 1',
      'line 9: "parallel_tool_calls" is not true or false',
      'line 10: "tools" is not a list',
    ]);
    expect(result.records).toBe(4);
    expect(result.keys.map((k) => k.line)).toEqual([1, 2, 3, 4]);
    expect(result.emptyTargets).toEqual([]);
  });

  it("keeps valid data valid with a UTF-8 BOM, CRLF line ends and blank lines", async () => {
    const body = [chat("héllo wörld", "ça va"), "", chat("second", "two"), "   ", chat("third", "three")].join("\r\n") + "\r\n";
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]);
    const result = await scan("bom.jsonl", "openai-chat", content, 3);
    expect(result.formatIssues).toEqual([]);
    expect(result.records).toBe(3);
    expect(result.keys.map((k) => k.line)).toEqual([1, 3, 5]);
  });

  it("reports a line over the size limit without parsing it and goes on", async () => {
    const huge = chat("x".repeat(5000), "y");
    const result = await scan("big.jsonl", "openai-chat", [chat("a", "b"), huge, chat("c", "d")].join("\n"), 256, 1024);
    expect(result.records).toBe(2);
    expect(result.formatIssues).toHaveLength(1);
    expect(result.formatIssues[0]!.message).toMatch(/^line 2: line is 5 KB, over the 1 KB limit; not parsed$/);
  });

  it("reads CSV with quoted commas, quotes and newlines, the record at its first line", async () => {
    const content = ["text,label", '"hello, world",greet', '"she said ""hi""\nand left",bye', "plain,greet", "too,many,fields", "ok,"].join("\r\n");
    const result = await scan("intents.csv", "classification", content, 5);
    expect(result.keys.map((k) => k.line)).toEqual([2, 3, 5]);
    expect(result.labelCounts).toEqual({ greet: 2, bye: 1 });
    expect(result.labelLines).toEqual({ greet: 2, bye: 3 });
    expect(result.formatIssues.map((i) => i.message)).toEqual(["line 6: expected 2 fields, found 3", 'line 7: empty or invalid "label"']);
  });

  it("reports an unterminated quoted field at the record's first line", async () => {
    const result = await scan("bad.csv", "classification", 'text,label\nfine,a\n"never closed,b\nmore,c\n');
    expect(result.records).toBe(1);
    expect(result.formatIssues).toEqual([{ line: 3, message: "line 3: unterminated quoted field" }]);
  });

  it("bounds a record whose quote never closes and reads on after it", async () => {
    const rows = ["text,label", "fine,a", '"open quote,b', ...Array.from({ length: 40 }, (_, i) => `row ${i},c`)];
    const result = await scan("open.csv", "classification", rows.join("\n"), 64, 100);
    expect(result.formatIssues[0]!.message).toMatch(/^line 3: record is \d+ bytes, over the 100 bytes limit \(a quoted field left open\?\); not parsed$/);
    expect(result.formatIssues).toHaveLength(1);
    expect(result.records).toBeGreaterThan(20);
  });

  it("reads TSV", async () => {
    const result = await scan("d.tsv", "prompt-completion", "prompt\tcompletion\nwhat is 2+2\t4\nempty\t \n");
    expect(result.records).toBe(2);
    expect(result.emptyTargets).toEqual([3]);
    expect(result.targets).toBe(2);
  });

  it("reports a broken element of a JSON array at its line and reads the others", async () => {
    const content = [
      "[",
      '  {"instruction": "a", "input": "", "output": "x"},',
      '  {"instruction": "b", "input": "", "output": },',
      '  {"instruction": "c", "input": ""},',
      '  {"instruction": "d",',
      '   "input": "", "output": "z"}',
      "]",
    ].join("\n");
    const result = await scan("alpaca.json", "alpaca", content);
    expect(result.keys.map((k) => k.line)).toEqual([2, 5]);
    expect(result.formatIssues.map((i) => i.line)).toEqual([3, 4]);
    expect(result.formatIssues[0]!.message).toMatch(/^line 3: invalid JSON/);
    expect(result.formatIssues[1]!.message).toBe('line 4: missing "output"');
  });

  it("reads JSON lines saved as .json and reports an array that is never closed", async () => {
    const lines = await scan("lines.json", "prompt-completion", '{"prompt": "a", "completion": "b"}\n{"prompt": "c", "completion": "d"}\n');
    expect(lines.keys.map((k) => k.line)).toEqual([1, 2]);
    expect(lines.formatIssues).toEqual([]);
    const cut = await scan("cut.json", "prompt-completion", '[\n  {"prompt": "a", "completion": "b"},\n  {"prompt": "c", "completion": "d"}\n');
    expect(cut.records).toBe(2);
    expect(cut.formatIssues).toEqual([{ line: 3, message: "line 3: invalid JSON: the top-level array is not closed" }]);
  });

  it("reports invalid UTF-8 inside a JSON file at its line", async () => {
    const head = Buffer.from('[\n  {"prompt": "a", "completion": "b"},\n  {"prompt": "', "utf8");
    const tail = Buffer.from('", "completion": "d"},\n  {"prompt": "e", "completion": "f"}\n]\n', "utf8");
    const result = await scan("pc.json", "prompt-completion", Buffer.concat([head, Buffer.from([0xff]), tail]));
    expect(result.keys.map((k) => k.line)).toEqual([2, 4]);
    expect(result.formatIssues).toEqual([{ line: 3, message: "line 3: not valid UTF-8 (byte 0xFF at column 15)" }]);
  });

  it("reads every format's target and input", async () => {
    const sharegpt = JSON.stringify({
      conversations: [
        { from: "human", value: "q" },
        { from: "gpt", value: "  " },
        { from: "human", value: "q2" },
        { from: "gpt", value: "a2" },
      ],
    });
    const sg = await scan("sg.jsonl", "sharegpt", sharegpt + "\n" + JSON.stringify({ conversations: [{ from: "robot", value: "x" }] }));
    expect(sg.emptyTargets).toEqual([1]);
    expect(sg.formatIssues.map((i) => i.message)).toEqual(['line 2: turn 1 has from "robot"']);

    const pref = [
      JSON.stringify({ prompt: "p", chosen: "good", rejected: "bad" }),
      JSON.stringify({
        chosen: [
          { role: "user", content: "p" },
          { role: "assistant", content: "" },
        ],
        rejected: [
          { role: "user", content: "p" },
          { role: "assistant", content: "no" },
        ],
      }),
      JSON.stringify({ prompt: "p", chosen: "good" }),
    ].join("\n");
    const pr = await scan("pref.jsonl", "preference", pref);
    expect(pr.records).toBe(2);
    expect(pr.emptyTargets).toEqual([2]);
    expect(pr.formatIssues.map((i) => i.message)).toEqual(['line 3: missing "rejected"']);

    const dpo = JSON.stringify({
      chosen_messages: [
        { role: "user", content: [{ type: "text", value: "q" }] },
        { role: "assistant", content: [{ type: "text", value: "a" }] },
      ],
      rejected_messages: [{ role: "user", content: [{ type: "text", value: "q" }] }],
    });
    const lf = await scan("dpo.jsonl", "llamafactory-dpo", dpo + "\n" + JSON.stringify({ chosen_messages: [] }));
    expect(lf.formatIssues.map((i) => i.message)).toEqual(['line 1: "rejected_messages" has no assistant message', 'line 2: missing "rejected_messages"']);

    const md = await scan("nlu.md", "rasa-nlu-md", "- stray\n## intent:greet\n- hi [Bob](name)\n\n## synonym:x\n- y\n## intent: bye\n- bye\n");
    expect(md.labelCounts).toEqual({ greet: 1, bye: 1 });
    expect(md.formatIssues).toEqual([{ line: 1, message: "line 1: example outside an intent section" }]);
  });

  it("caps the kept format issues and counts the rest", async () => {
    const content = [chat("a", "b"), ...Array.from({ length: 1100 }, () => "{oops")].join("\n");
    const result = await scan("many.jsonl", "openai-chat", content, 65536);
    expect(result.records).toBe(1);
    expect(result.formatIssues).toHaveLength(1000);
    expect(result.formatIssues[0]!.line).toBe(2);
    expect(result.formatIssueTotal).toBe(1100);
  });

  it("keeps the first 1,000 empty targets and business-rule lines and counts them all", async () => {
    const content = Array.from({ length: 1200 }, (_, i) => (i % 2 ? chat(`q${i}`, "") : chat(`q${i}`, "Refunds are processed within 30 days."))).join("\n");
    const result = await scan("t.jsonl", "openai-chat", content, 4096);
    expect(result.emptyTargets).toHaveLength(600);
    expect(result.emptyTargetTotal).toBeUndefined();
    const more = await scan("t.jsonl", "openai-chat", `${content}\n${content}`, 4096);
    expect(more.emptyTargets).toHaveLength(1000);
    expect(more.emptyTargets[999]).toBe(2000);
    expect(more.emptyTargetTotal).toBe(1200);
    expect(more.businessRules).toHaveLength(1000);
    expect(more.businessRuleTotal).toBe(1200);
  });

  it("rejects a format it does not know", async () => {
    await expect(scan("x.jsonl", "parquet-thing", "{}")).rejects.toThrow(/unknown dataset format/);
  });

  it("keeps at most 50 longest records, sorted by tokens", async () => {
    const content = Array.from({ length: 80 }, (_, i) => chat("q", "a".repeat(4 * (i + 1)))).join("\n");
    const result = await scan("len.jsonl", "openai-chat", content, 4096);
    expect(result.longest).toHaveLength(50);
    expect(result.longest[0]).toEqual({ line: 80, tokens: 81 });
    expect(result.longest[49]!.line).toBe(31);
  });

  it("finds secrets and PII however the JSON writes them: \\u escapes, escaped quotes and newlines", async () => {
    const lines = [
      // "@" written as \u0040, and a key split by an escaped newline from its label.
      '{"messages": [{"role": "user", "content": "mail me at jane\\u0040example.com"}, {"role": "assistant", "content": "ok"}]}',
      '{"messages": [{"role": "user", "content": "key:\\nAKIAABCDEFGHIJKLMNOP"}, {"role": "assistant", "content": "\\"done\\""}]}',
      chat("nothing to see", "fine"),
    ];
    const result = await scan("data/train.jsonl", "openai-chat", lines.join("\n") + "\n");
    expect(result.sensitive.map((h) => [h.line, h.kind])).toEqual([
      [1, "email"],
      [2, "aws-access-key"],
    ]);
    // A pattern that needs a quote is gated on the strings themselves, never on the escaped JSON.
    const quoted = await scanDataset({
      path: "data/train.jsonl",
      format: "openai-chat",
      role: "train",
      chunks: Buffer.from(lines.join("\n") + "\n"),
      lexicon: { sensitive: [{ kind: "quoted", secret: true, regex: '"done"' }], businessRules: [] },
    });
    expect(quoted.sensitive.map((h) => [h.line, h.kind])).toEqual([[2, "quoted"]]);
  });
});
