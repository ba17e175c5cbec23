import { describe, it, expect } from "@jest/globals";
import { crossMatches, nearDuplicatePairs, normalizeText, scanDataset } from "../../src/datasets/index.js";
import type { RecordKey } from "../../src/types.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

async function keysOf(records: Array<{ user: string; assistant: string; system?: string }>): Promise<RecordKey[]> {
  const content = records
    .map((r) =>
      JSON.stringify({
        messages: [
          ...(r.system ? [{ role: "system", content: r.system }] : []),
          { role: "user", content: r.user },
          { role: "assistant", content: r.assistant },
        ],
      }),
    )
    .join("\n");
  const scan = await scanDataset({ path: "d.jsonl", format: "openai-chat", role: "train", chunks: Buffer.from(content), lexicon: defaultTestLexicon() });
  return scan.keys;
}

const long = "My card payment was declined at the grocery store this morning even though my balance is fine and I have used it before";

describe("normalisation", () => {
  it("folds case, punctuation, whitespace and compatibility forms", () => {
    expect(normalizeText("  Hello,   WORLD!!\tIt's ＦＵＬＬ-width… ")).toBe("hello world its full width");
    expect(normalizeText("Café — déjà vu?")).toBe("café déjà vu");
  });
});

describe("nearDuplicatePairs", () => {
  it("compares whole examples: an equal prompt with another answer is no near-duplicate, a case-folded copy is", async () => {
    const keys = await keysOf([
      { user: "How do I reset my password?", assistant: "Go to settings." },
      { user: "what is the weather", assistant: "Sunny." },
      { user: "how do i   RESET my password", assistant: "Open settings, then security." },
      { user: "HOW do I reset my password", assistant: "go to settings" },
    ]);
    expect(keys[0]!.inputHash).toBe(keys[2]!.inputHash);
    expect(nearDuplicatePairs(keys, 0.8)).toEqual([[0, 3]]);
  });

  it("discounts an instruction template most records share before comparing", async () => {
    const template = [
      "toolformer: enabled",
      "toolformer access: headlines",
      "A wrapper around a news service. Useful for when you need the latest headlines about a topic the user names, from world affairs to sport, with a short summary of each story and the outlet that published it.",
      "Input should be the topic, in one or two words, as the user wrote it. Answer with the call alone; do not add commentary, do not guess headlines, and do not call any other tool.",
      "headlines(topic)",
      "Answer the user's question about today's news with the tool call that fetches it",
    ].join("\n");
    const topics = [
      "world",
      "technology",
      "sports",
      "science",
      "business",
      "health",
      "politics",
      "travel",
      "music",
      "film",
      "books",
      "weather",
      "energy",
      "space",
      "climate",
      "education",
      "finance",
      "gaming",
      "fashion",
      "food",
      "art",
      "law",
    ];
    const keys = await keysOf(
      topics.map((topic, i) => ({
        user: `${template}\nWhat are the headlines in ${topic} news today?`,
        assistant: `Today's ${topic} headlines: headlines('${topic}') found ${i + 2} stories, led by ${topic} item ${i * 7}.`,
      })),
    );
    expect(nearDuplicatePairs(keys, 0.85)).toEqual([]);
  });

  it("finds near-duplicates by MinHash and leaves different records alone", async () => {
    const keys = await keysOf([
      { user: long, assistant: "a" },
      { user: "Tell me a story about dragons and knights in a faraway kingdom", assistant: "b" },
      { user: long.replace("this morning", "this evening"), assistant: "c" },
      { user: long + " again", assistant: "d" },
    ]);
    const pairs = nearDuplicatePairs(keys, 0.6);
    expect(pairs).toEqual([
      [0, 2],
      [0, 3],
    ]);
    expect(nearDuplicatePairs(keys, 0.99)).toEqual([]);
  });

  it("keeps short texts that differ only in repeated characters apart", async () => {
    const keys = await keysOf([
      { user: "10000000", assistant: "a" },
      { user: "1000000", assistant: "b" },
      { user: "100000k", assistant: "c" },
      { user: "10000k", assistant: "d" },
    ]);
    expect(nearDuplicatePairs(keys, 0.85)).toEqual([]);
  });

  it("ignores a shared system prompt when comparing inputs", async () => {
    const system = "You are a happy assistant that puts a positive spin on everything you are told by the user.";
    const keys = await keysOf([
      { system, user: "I fell off my bike today.", assistant: "Exercise!" },
      { system, user: "I lost my tennis match today.", assistant: "Next time." },
    ]);
    expect(nearDuplicatePairs(keys, 0.5)).toEqual([]);
  });

  it("stays linear on many identical records: one pair per repeated record", async () => {
    const keys = await keysOf(Array.from({ length: 300 }, (_, i) => ({ user: i % 2 ? long : long.toUpperCase(), assistant: i % 3 ? "x" : "X!" })));
    const pairs = nearDuplicatePairs(keys, 0.7);
    expect(pairs).toHaveLength(299);
    expect(new Set(pairs.map(([, j]) => j)).size).toBe(299);
    expect(pairs.every(([i, j]) => i < j)).toBe(true);
  });
});

describe("crossMatches", () => {
  it("reports exact and near leakage of eval inputs, one match per eval record, sorted", async () => {
    const train = await keysOf([
      { user: "What is the capital of France?", assistant: "Paris" },
      { user: long, assistant: "Sorry" },
      { user: "Completely unrelated training prompt about gardening tomatoes in spring", assistant: "x" },
    ]);
    const evalKeys = (
      await keysOf([
        { user: "A new question nobody trained on, about submarines and whales", assistant: "?" },
        { user: long.replace("grocery store", "grocery shop"), assistant: "?" },
        { user: "what is the CAPITAL of france", assistant: "Paris." },
      ])
    ).map((k) => ({ ...k, line: k.line + 100 }));
    expect(crossMatches(train, evalKeys, 0.6)).toEqual([
      { evalLine: 102, trainLine: 2, exact: false },
      { evalLine: 103, trainLine: 1, exact: true },
    ]);
    expect(crossMatches(train, evalKeys, 1)).toEqual([{ evalLine: 103, trainLine: 1, exact: true }]);
  });
});
