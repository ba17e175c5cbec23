/**
 * A dataset file that a LLaMA-Factory dataset_info.json entry names is read the way the entry
 * says: `formatting` and `ranking` decide the format, `columns` and `tags` the keys and role values.
 */
import { describe, it, expect, beforeAll } from "@jest/globals";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scanDataset } from "../../src/datasets/index.js";
import { detectFile, entryFor, registryFromText, type DetectContext, type RegistryRead } from "../../src/detect/index.js";
import { packageRoot } from "../../src/paths.js";
import type { DatasetScan, KeyMapping } from "../../src/types.js";
import { fixtureContext, fixtureFile } from "../fixtures/fixture-files.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

const DIR = "llamafactory-registry";
const registryText = fixtureFile(`${DIR}/data/dataset_info.json`).toString("utf8");
let registry: RegistryRead;

beforeAll(() => {
  registry = registryFromText("data/dataset_info.json", registryText);
});

function ctx(): DetectContext {
  return { ...fixtureContext(), registryEntry: (p) => entryFor([registry], p)?.mapping };
}

function mappingOf(path: string): KeyMapping {
  const entry = entryFor([registry], path);
  if (!entry) throw new Error(`no entry names ${path}`);
  return entry.mapping;
}

/** Detects `path` with the registry and scans `body` through its entry's mapping. */
async function scan(path: string, body: Buffer | string): Promise<DatasetScan> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const detection = await detectFile(path, bytes, ctx());
  return scanDataset({ path, format: detection!.format, role: "train", keyMapping: mappingOf(path), chunks: bytes, lexicon: defaultTestLexicon() });
}

const issues = (s: DatasetScan) => s.formatIssues.map((i) => i.message);

describe("dataset_info.json entries", () => {
  it("name their local files under the registry's folder; hub entries name none", () => {
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => [e.path, e.mapping.formatting, e.mapping.ranking])).toEqual([
      ["data/support_qa.json", "alpaca", false],
      ["data/support_chat.jsonl", "sharegpt", false],
      ["data/support_pairs.json", "alpaca", true],
    ]);
  });

  it("cover the files of a folder an entry names, and only those", () => {
    const folder = registryFromText("corpus/dataset_info.json", '{"shards": {"file_name": "shards", "columns": {"prompt": "q", "response": "a"}}}');
    expect(entryFor([folder], "corpus/shards/part-0.jsonl")?.mapping.entry).toBe("shards");
    expect(entryFor([folder], "corpus/shards2/part-0.jsonl")).toBeUndefined();
    expect(entryFor([folder], "data/shards/part-0.jsonl")).toBeUndefined();
  });

  it("read an Alpaca file with renamed columns as Alpaca, which its keys alone do not say", async () => {
    const body = fixtureFile(`${DIR}/data/support_qa.json`);
    expect((await detectFile("data/support_qa.json", body, fixtureContext()))?.format).not.toBe("alpaca");
    expect((await detectFile("data/support_qa.json", body, ctx()))?.format).toBe("alpaca");
    const s = await scan("data/support_qa.json", body);
    expect(issues(s)).toEqual([]);
    expect(s.records).toBe(3);
    expect(s.keyMapping?.entry).toBe("support_qa");
  });

  it("name the mapped key a record lacks, at the record's line", async () => {
    const records = JSON.parse(fixtureFile(`${DIR}/data/support_qa.json`).toString("utf8")) as Record<string, unknown>[];
    delete records[1]!["answer"];
    records[2]!["question"] = 42;
    // Pretty-printed: the second record opens at line 8, the third at line 12.
    const s = await scan("data/support_qa.json", JSON.stringify(records, null, 2));
    expect(issues(s)).toEqual([
      'line 8: record has no "answer" (data/dataset_info.json entry "support_qa" maps "response" to it)',
      'line 12: "question" is not a string',
    ]);
    expect(s.records).toBe(1);
  });

  it("read ShareGPT turns by the entry's role/content tags and role values", async () => {
    const body = fixtureFile(`${DIR}/data/support_chat.jsonl`);
    expect((await detectFile("data/support_chat.jsonl", body, ctx()))?.format).toBe("sharegpt");
    const s = await scan("data/support_chat.jsonl", body);
    expect(issues(s)).toEqual([]);
    expect(s.records).toBe(3);
    expect(s.emptyTargets).toEqual([]);
  });

  it("reject a role the entry's tags do not name and a turn without the content tag", async () => {
    const lines = fixtureFile(`${DIR}/data/support_chat.jsonl`).toString("utf8").trimEnd().split("\n");
    lines[0] = lines[0]!.replace('"role": "user"', '"role": "human"');
    lines[2] = lines[2]!.replace('"content": "When will it arrive?"', '"text": "When will it arrive?"');
    const s = await scan("data/support_chat.jsonl", `${lines.join("\n")}\n`);
    expect(issues(s)).toEqual([
      'line 1: turn 1 has role "human", which is none of the roles data/dataset_info.json entry "support_chat" names ("user", "assistant", "observation", "function_call", "system")',
      'line 3: turn 3 has no "content"',
    ]);
  });

  it("read `ranking: true` Alpaca columns as preference pairs", async () => {
    const body = fixtureFile(`${DIR}/data/support_pairs.json`);
    expect((await detectFile("data/support_pairs.json", body, ctx()))?.format).toBe("preference");
    const s = await scan("data/support_pairs.json", body);
    expect(issues(s)).toEqual([]);
    expect(s.records).toBe(2);
    const records = JSON.parse(body.toString("utf8")) as Record<string, unknown>[];
    delete records[1]!["rejected"];
    expect(issues(await scan("data/support_pairs.json", JSON.stringify(records, null, 2)))).toEqual(['line 8: missing "rejected"']);
  });

  it("read ShareGPT ranking pairs through the entry's tags, the chosen and rejected turns included", async () => {
    const pairs = registryFromText(
      "data/dataset_info.json",
      JSON.stringify({
        dpo: {
          file_name: "dpo.jsonl",
          ranking: true,
          formatting: "sharegpt",
          columns: { messages: "messages", chosen: "better", rejected: "worse" },
          tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant" },
        },
      }),
    );
    const mapping = entryFor([pairs], "data/dpo.jsonl")!.mapping;
    const turn = (role: string, content: string) => ({ role, content });
    const body = Buffer.from(
      [
        { messages: [turn("user", "Is the shop open on Sunday?")], better: turn("assistant", "Yes, from 10 to 16."), worse: turn("assistant", "Maybe.") },
        { messages: [turn("user", "Can I pay by invoice?")], better: turn("assistant", "Yes, for orders over 50 euros."), worse: turn("bot", "No.") },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n") + "\n",
      "utf8",
    );
    const s = await scanDataset({
      path: "data/dpo.jsonl",
      format: "preference",
      role: "train",
      keyMapping: mapping,
      chunks: body,
      lexicon: defaultTestLexicon(),
    });
    expect(s.records).toBe(1);
    expect(issues(s)).toEqual([
      expect.stringMatching(/^line 2: "worse" message 1 has role "bot", which is none of the roles data\/dataset_info\.json entry "dpo" names/),
    ]);
  });

  it("read an entry that renames only its prompt column (LLaMA-Factory's c4_demo) as a text corpus", async () => {
    const corpus = registryFromText("data/dataset_info.json", '{"c4_demo": {"file_name": "c4_demo.jsonl", "columns": {"prompt": "text"}}}');
    const mapping = entryFor([corpus], "data/c4_demo.jsonl")!.mapping;
    const context: DetectContext = { ...fixtureContext(), registryEntry: (p) => entryFor([corpus], p)?.mapping };
    const body = Buffer.from('{"text": "Pre-training text has no response column."}\n{"text": "Neither has this line."}\n{"body": "no text"}\n', "utf8");
    const detection = await detectFile("data/c4_demo.jsonl", body, context);
    expect(detection?.format).toBe("text");
    const s = await scanDataset({
      path: "data/c4_demo.jsonl",
      format: detection!.format,
      role: "train",
      keyMapping: mapping,
      chunks: body,
      lexicon: defaultTestLexicon(),
    });
    expect(s.records).toBe(2);
    expect(issues(s)).toEqual(['line 3: record has no "text" (data/dataset_info.json entry "c4_demo" maps "prompt" to it)']);
  });

  it("report `columns`/`tags` that are not mappings of strings, at the entry's key", () => {
    const text = `{
  "qa": {
    "file_name": "qa.json",
    "columns": ["question", "answer"]
  },
  "chat": {
    "file_name": "chat.json",
    "formatting": "sharegpt",
    "tags": {
      "role_tag": 1,
      "speaker_tag": "speaker"
    }
  }
}
`;
    const read = registryFromText("data/dataset_info.json", text);
    expect(read.problems).toEqual([
      { entry: "qa", line: 4, message: expect.stringMatching(/^data\/dataset_info\.json entry "qa": "columns" is a list, not a mapping/) },
      { entry: "chat", line: 9, message: expect.stringMatching(/^data\/dataset_info\.json entry "chat": "tags\.role_tag" is 1, not a string/) },
      {
        entry: "chat",
        line: 9,
        message: expect.stringMatching(/^data\/dataset_info\.json entry "chat": "tags" has "speaker_tag", which LLaMA-Factory does not read/),
      },
    ]);
    // The unreadable parts are left out: the files are still named, read with the defaults.
    expect(read.entries.map((e) => [e.path, e.mapping.columns, e.mapping.tags])).toEqual([
      ["data/qa.json", {}, {}],
      ["data/chat.json", {}, {}],
    ]);
  });

  it("reach the scan's worker threads as plain data", async () => {
    type ScanModule = typeof import("../../src/datasets/scan-dataset.js");
    const compiled = (await import(pathToFileURL(join(packageRoot, "dist/datasets/scan-dataset.js")).href)) as ScanModule;
    const lines = fixtureFile(`${DIR}/data/support_chat.jsonl`).toString("utf8").trimEnd().split("\n");
    lines[1] = lines[1]!.replace('"role": "assistant"', '"role": "gpt"');
    const body = Buffer.from(`${[...lines, ...lines].join("\n")}\n`, "utf8");
    const opts = {
      path: "data/support_chat.jsonl",
      format: "sharegpt",
      role: "train" as const,
      keyMapping: mappingOf("data/support_chat.jsonl"),
      lexicon: defaultTestLexicon(),
    };
    const parallel = await compiled.scanDataset({ ...opts, chunks: body, workers: 1, parallel: { minBytes: 0, partBytes: Math.ceil(body.length / 3) } });
    const single = await scanDataset({ ...opts, chunks: body, workers: 0 });
    expect(issues(parallel)).toEqual(issues(single));
    expect(issues(parallel)).toEqual([
      expect.stringMatching(/^line 2: turn 2 has role "gpt", which is none/),
      expect.stringMatching(/^line 5: turn 2 has role "gpt", which is none/),
    ]);
    expect(parallel.records).toBe(4);
  });
});
