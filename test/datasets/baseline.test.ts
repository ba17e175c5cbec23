import { describe, expect, it } from "@jest/globals";
import { readBaseline } from "../../src/datasets/baseline.js";
import { scanDataset } from "../../src/datasets/index.js";
import { recordIntroduced } from "../../src/datasets/record-ids.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

const chat = (user: string, assistant: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ...extra,
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: assistant },
    ],
  });

type Line = string | Buffer;
const file = (lines: Line[]): Buffer => Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from("\n")]));

async function diff(base: Line[], head: Line[]) {
  const scan = await scanDataset({
    path: "data/train.jsonl",
    format: "openai-chat",
    role: "train",
    chunks: file(head),
    lexicon: defaultTestLexicon(),
    workers: 0,
  });
  scan.change = "modified";
  scan.base = await readBaseline({ path: "data/train.jsonl", head: scan, chunks: file(base) });
  const introduced = head.map((_, i) => recordIntroduced(scan, i + 1));
  return { base: scan.base, introduced };
}

describe("readBaseline matches head records by content", () => {
  const lines: Line[] = [
    chat("Where is my parcel?", "It ships tomorrow."),
    chat("Où est mon colis ?", "Il part demain."),
    `\uFEFF${chat("BOM first", "ok")}`,
    "{not json",
    Buffer.from([0x7b, 0xff, 0x7d]),
  ];

  it("finds nothing new in a reorder, whatever the bytes (non-ASCII, BOM, a bad line) or the spacing", async () => {
    const head = [lines[1]!, `  ${lines[0] as string}\t`, lines[3]!, lines[2]!, lines[4]!];
    const { base, introduced } = await diff(lines, head);
    expect(introduced).toEqual([false, false, false, false, false]);
    expect(base).toMatchObject({ records: 5, added: 0, removed: 0, changed: 0 });
  });

  it("ignores lines that are only whitespace, Unicode spaces included, at either end", async () => {
    const { base, introduced } = await diff([lines[0]!, "\u00A0\u2003", lines[1]!], [lines[0]!, "   ", lines[1]!]);
    expect([introduced[0], introduced[2]]).toEqual([false, false]);
    expect(base).toMatchObject({ records: 2, added: 0, removed: 0 });
  });

  it("counts a non-ASCII record edited as one removal and one addition, and a changed id as changed", async () => {
    const base = [chat("Où est mon colis ?", "Il part demain."), chat("Refund?", "Yes.", { id: "r-1" })];
    const head = [chat("Où est mon colis ?", "Il part lundi."), chat("Refund?", "Within 30 days.", { id: "r-1" })];
    const result = await diff(base, head);
    expect(result.introduced).toEqual([true, true]);
    expect(result.base).toMatchObject({ records: 2, added: 1, removed: 1, changed: 1 });
  });

  it("keeps duplicates as a multiset: a third copy of a line is new", async () => {
    const a = chat("Hi", "Hello.");
    const result = await diff([a, a], [a, a, a]);
    expect(result.base).toMatchObject({ records: 2, added: 1, removed: 0 });
  });
});

describe("readBaseline's keys for the base duplicate ratio", () => {
  const a = chat("Where is my parcel?", "It ships tomorrow.");
  const b = chat("Can I get a refund?", "Yes, within 30 days.");
  const c = chat("Do you ship abroad?", "To 40 countries.");

  it("are the head's first keys when the change only appends (shared, not copied)", async () => {
    const { base } = await diff([a, a, b], [a, a, b, c, c]);
    expect(base.keys.map((k) => k.line)).toEqual([1, 2, 3]);
    expect(base.validRecords).toBe(3);
  });

  it("are the kept and the removed records otherwise", async () => {
    const { base } = await diff([c, a, b], [a, b]);
    expect(base.keys).toHaveLength(3);
    expect(base.validRecords).toBe(3);
  });

  it("are all of the head's when the change only reorders", async () => {
    const { base } = await diff([a, b, c], [c, b, a]);
    expect(base.keys.map((k) => k.line)).toEqual([1, 2, 3]);
  });
});
