/**
 * The scan's fast paths against the plain definitions they replace: one-pass keys against hashing
 * normalizeText output, gated lexicon scans against running every pattern, and the partitioned
 * LSH grouping against one hash table probed in record order.
 */
import { describe, it, expect } from "@jest/globals";
import {
  compileLexicon,
  crossMatches,
  exampleDuplicates,
  findBusinessRule,
  findSensitive,
  minhashSignature,
  nearDuplicatePairs,
  normalizeText,
  scanDataset,
} from "../../src/datasets/index.js";
import { hash64 } from "../../src/datasets/hash.js";
import { GateSet } from "../../src/datasets/regex-gate.js";
import { sensitiveCandidates } from "../../src/datasets/sensitive.js";
import { TextKeys } from "../../src/datasets/text-keys.js";
import type { RecordKey } from "../../src/types.js";
import { seeded } from "../helpers/seeded.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

const PIECES = [
  "a",
  "Bq",
  "Z",
  "09",
  " ",
  "  ",
  "\t",
  "\n",
  "'",
  "’",
  "-",
  ".",
  "!",
  "é",
  "ＦＵ",
  "ß",
  "İ",
  "Σ",
  "\u0000",
  "…",
  "_",
  "@",
  "don't",
  "ﬁ",
  "\u00a0",
  "🙂",
  "Hello",
  "world",
];

function text(rand: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

function ascii(rand: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rand() * 128));
  return s;
}

describe("TextKeys", () => {
  it("equals hashing the normalizeText output and signing the normalised signature text", () => {
    const rand = seeded(1);
    const keys = new TextKeys();
    for (let n = 0; n < 1500; n++) {
      const gen = n % 3 === 0 ? ascii : text;
      const system = rand() < 0.5 ? gen(rand, Math.floor(rand() * 8)) : "";
      const user = gen(rand, Math.floor(rand() * (n % 50 === 0 ? 4000 : 40)));
      const input = [system, user].filter((t) => t !== "").join("\n");
      const signatureInput = n % 4 === 3 ? gen(rand, 6) : rand() < 0.5 && user !== "" ? user : input;
      const target = rand() < 0.2 ? null : gen(rand, Math.floor(rand() * 20));
      const labels = rand() < 0.3 ? [gen(rand, 2), gen(rand, 2)] : [];
      const from = signatureInput === user && system !== "" && user !== "" && rand() < 0.5 ? input.length - user.length : undefined;
      keys.compute(input, signatureInput, target, labels, from);
      const normal = normalizeText(input);
      const example = `${normal}\u0000${target === null ? "" : normalizeText(target)}\u0000${[...labels].sort().join("\u0000")}`;
      expect([keys.inputHi, keys.inputLo]).toEqual(hash64(normal));
      expect([keys.exampleHi, keys.exampleLo]).toEqual(hash64(example));
      const whole = target === null || target === "" ? signatureInput : `${signatureInput}\n${target}`;
      expect([...keys.signature]).toEqual([...minhashSignature(normalizeText(whole))]);
    }
  });

  it("cuts the signature text at the same word whether it comes from the input or on its own", () => {
    const keys = new TextKeys();
    for (let shift = 0; shift < 6; shift++) {
      const words = Array.from({ length: 9000 }, (_, i) => `w${"x".repeat((i * 7 + shift) % 9)}${i}`);
      const long = `${"y".repeat(shift)} ${words.join(" , ")}`;
      const expected = [...minhashSignature(normalizeText(long))];
      keys.compute(long, long, null, []);
      expect([...keys.signature]).toEqual(expected);
      keys.compute(`System prompt\n${long}`, long, null, [], "System prompt\n".length);
      expect([...keys.signature]).toEqual(expected);
    }
  });
});

describe("chat layouts", () => {
  it("sign the turns other than system ones, wherever the system turns are", async () => {
    const layouts = [
      ["system", "user", "assistant"],
      ["user", "assistant"],
      ["system", "system", "user", "assistant", "user", "assistant"],
      ["user", "system", "user", "assistant"],
      ["system", "assistant"],
    ];
    const rows = layouts.map((roles, r) => ({
      messages: roles.map((role, i) => ({
        role,
        content: role === "system" ? `Be brief, rule ${i}.` : `Turn ${i} of layout ${r}: where is my parcel, please tell me today`,
      })),
    }));
    const scan = await scanDataset({
      path: "d.jsonl",
      format: "openai-chat",
      role: "train",
      chunks: Buffer.from(rows.map((x) => JSON.stringify(x)).join("\n")),
      lexicon: defaultTestLexicon(),
    });
    rows.forEach((row, r) => {
      const last = row.messages.map((m) => m.role).lastIndexOf("assistant");
      const context = row.messages.slice(0, last);
      const input = context.map((m) => m.content).join("\n");
      const prompt =
        context
          .filter((m) => m.role !== "system")
          .map((m) => m.content)
          .join("\n") || input;
      const signatureText = `${prompt}\n${row.messages
        .slice(last)
        .map((m) => m.content)
        .join("\n")}`;
      expect(scan.keys[r]!.inputHash).toBe(normalizeHash(input));
      expect([...scan.keys[r]!.signature]).toEqual([...minhashSignature(normalizeText(signatureText))]);
    });
  });
});

describe("lexicon gates", () => {
  const secrets = [
    "sk-proj-Abc123def456GHI789jkl012MNO345",
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
    "xoxb-1234567890-abcdefghij",
    "4111 1111 1111 1111",
    "jane.doe@example.com",
    "+1 415-555-0100",
    "-----BEGIN RSA PRIVATE KEY-----",
  ];
  const phrases = ["up to $100", "within 30 business days", "PER MONTH", "refunds are only", "{{ user.name }}", "is not eligible", "Eligible", "per", "fee"];

  it("find exactly what running every pattern finds", () => {
    const gated = compileLexicon(defaultTestLexicon());
    const plain = { sensitive: gated.sensitive, businessRules: gated.businessRules };
    const rand = seeded(2);
    const parts = [...secrets, ...phrases, " ", "x", "é", "-", "_", "@", "1", "\n", "'"];
    let found = 0;
    for (let n = 0; n < 5000; n++) {
      let t = "";
      for (let k = 1 + Math.floor(rand() * 6); k > 0; k--) {
        let p = parts[Math.floor(rand() * parts.length)]!;
        if (rand() < 0.3) p = p.toUpperCase();
        if (rand() < 0.2) p = p.slice(Math.floor(rand() * p.length));
        t += p + (rand() < 0.5 ? " " : "");
      }
      const all = findSensitive(t, 1, plain);
      expect(findSensitive(t, 1, gated, sensitiveCandidates(t, gated))).toEqual(all);
      const phrase = findBusinessRule(t, plain);
      expect(findBusinessRule(t, gated)).toBe(phrase);
      if (all.length > 0 || phrase !== null) found++;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it("give the same first business phrase as the patterns one by one when patterns share one \\b test", () => {
    const rules = ["\\bfoo|bar", "\\b(?:is|are) eligible", "\\bper [|(]\\d", "\\b[\\]|]x", "\\bup\\(to\\)", "zap", "\\bzapper", "\\b\\bq", "\\b"];
    const lexicon = compileLexicon({ sensitive: [], businessRules: rules });
    // Runs of \b patterns share one test; a pattern that is itself an alternation keeps its own.
    expect(lexicon.businessAny?.source).toBe(
      "(?:\\bfoo|bar)|\\b(?:(?:(?:is|are) eligible)|(?:per [|(]\\d)|(?:[\\]|]x)|(?:up\\(to\\)))|(?:zap)|\\b(?:(?:zapper)|(?:\\bq)|(?:))",
    );
    const plain = { sensitive: [], businessRules: lexicon.businessRules };
    const texts = [
      "xbar foo",
      "IS eligible",
      "per (1 and per |2",
      "a ]x |x",
      "up(to) now",
      "zapper",
      "the zapper",
      "q",
      " qq",
      "",
      "barfoo",
      "are eligible is eligible",
    ];
    for (const t of texts) expect([t, findBusinessRule(t, lexicon)]).toEqual([t, findBusinessRule(t, plain)]);
    expect(findBusinessRule("the zapper", lexicon)).toBe("zap");
    expect(findBusinessRule("xbar foo", lexicon)).toBe("bar");
  });

  it("never rule out a text a pattern matches, whatever the pattern's syntax", () => {
    const cases: Array<[string, string, string]> = [
      ["[^]x", "", "\nx"],
      ["a\\u0041bc", "", "aAbc"],
      ["\\cJxy", "", "\nxy"],
      ["(a)\\1b", "", "aab"],
      ["ab*c", "", "ac"],
      ["(?:foo|bar)?baz", "", "baz"],
      ["(?<n>qq)\\k<n>z", "", "qqqqz"],
      ["(?=abc)abcd", "", "abcd"],
      ["ſtop", "iu", "STOP"],
      ["a\\x41b", "", "aAb"],
      ["x{2}", "", "xx"],
      ["\\d{3}-\\d{4}", "", "555-0100"],
      ["[\\]]a", "", "]a"],
      ["ab🙂?", "u", "ab"],
      ["\\u0041?b", "", "b"],
    ];
    for (const [source, flags, sample] of cases) {
      expect(new RegExp(source, flags).test(sample)).toBe(true);
      const marks = new Uint8Array(1);
      new GateSet([{ source, flags }]).candidates(sample, marks);
      expect([source, marks[0]]).toEqual([source, 1]);
    }
  });

  it("find a long literal, a single character and a class alike when one set mixes them", () => {
    // The quick test is split in two regexes (single characters and classes, longer literals): each half must let its texts through.
    const gates = new GateSet([
      { source: "AKIA[0-9A-Z]{16}", flags: "" },
      { source: "\\+\\d{6}", flags: "" },
      { source: "[\\w.]+@[\\w.]+", flags: "" },
      { source: "\\d{4}", flags: "" },
    ]);
    const cases: Array<[string, number[]]> = [
      ["key AKIAIOSFODNNXEXAMPLE here", [1, 0, 0, 0]],
      ["mail a@b.c", [0, 0, 1, 0]],
      ["call +", [0, 1, 0, 0]],
      ["year 2024", [0, 0, 0, 1]],
      ["nothing at all", [0, 0, 0, 0]],
    ];
    for (const [text, expected] of cases) {
      const marks = new Uint8Array(4);
      gates.candidates(text, marks);
      expect([text, [...marks]]).toEqual([text, expected]);
    }
  });
});

/** The LSH pass as one Map per band probed in record order (the definition the partitions must match). */
function referencePairs(keys: RecordKey[], threshold: number): Array<[number, number]> {
  const needed = Math.max(1, Math.ceil(threshold * 64 - 1e-9));
  const empty = (k: RecordKey) => k.signature.every((v) => v === 0xffffffff);
  const earlier = new Array<number>(keys.length).fill(-1);
  // Boilerplate: a bin value more than a tenth of the non-empty records hold.
  const counts = new Map<string, number>();
  const filled = keys.filter((k) => !empty(k));
  for (const k of filled) for (let x = 0; x < 64; x++) counts.set(`${x}:${k.signature[x]}`, (counts.get(`${x}:${k.signature[x]}`) ?? 0) + 1);
  const common = (x: number, v: number) => filled.length >= 20 && (counts.get(`${x}:${v}`) ?? 0) > 0.1 * filled.length;
  const agrees = (a: RecordKey, b: RecordKey) => {
    let all = 0;
    let same = 0;
    let bins = 0;
    for (let x = 0; x < 64; x++) {
      const eq = a.signature[x] === b.signature[x];
      if (eq) all++;
      if (common(x, a.signature[x]!) && common(x, b.signature[x]!)) continue;
      bins++;
      if (eq) same++;
    }
    if (filled.length < 20 || bins < 4) return all >= needed;
    return same >= Math.ceil(threshold * bins - 1e-9);
  };
  for (let b = 0; b < 16; b++) {
    const buckets = new Map<string, number[]>();
    keys.forEach((k, j) => {
      if (empty(k)) return;
      const key = [...k.signature.subarray(b * 4, b * 4 + 4)].join(",");
      const chain = buckets.get(key) ?? [];
      for (const i of chain) {
        if (earlier[j]! >= 0 && i >= earlier[j]!) break;
        if (agrees(keys[i]!, k)) {
          earlier[j] = i;
          break;
        }
      }
      if (chain.length < 16) chain.push(j);
      buckets.set(key, chain);
    });
  }
  return earlier.flatMap((i, j) => (i >= 0 ? [[i, j] as [number, number]] : []));
}

function referenceCross(train: RecordKey[], evalKeys: RecordKey[], threshold: number): Array<{ evalLine: number; trainLine: number; exact: boolean }> {
  const needed = Math.max(1, Math.ceil(threshold * 64 - 1e-9));
  const empty = (k: RecordKey) => k.signature.every((v) => v === 0xffffffff);
  const emptyInput = normalizeHash("");
  const byInput = new Map<string, number>();
  train.forEach((k, i) => {
    if (k.inputHash !== emptyInput && !byInput.has(k.inputHash)) byInput.set(k.inputHash, i);
  });
  const best = evalKeys.map((k) => (k.inputHash === emptyInput ? -1 : (byInput.get(k.inputHash) ?? -1)));
  const exact = best.map((i) => i >= 0);
  const score = best.map(() => -1);
  for (let b = 0; b < 16; b++) {
    const band = (k: RecordKey) => [...k.signature.subarray(b * 4, b * 4 + 4)].join(",");
    const buckets = new Map<string, number[]>();
    train.forEach((k, i) => {
      if (empty(k)) return;
      const chain = buckets.get(band(k)) ?? [];
      if (chain.length < 16) chain.push(i);
      buckets.set(band(k), chain);
    });
    evalKeys.forEach((k, j) => {
      if (exact[j] || empty(k)) return;
      for (const i of buckets.get(band(k)) ?? []) {
        let same = 0;
        for (let x = 0; x < 64; x++) if (train[i]!.signature[x] === k.signature[x]) same++;
        if (same < needed) continue;
        if (same > score[j]! || (same === score[j] && train[i]!.line < train[best[j]!]!.line)) [best[j], score[j]] = [i, same];
      }
    });
  }
  return best
    .flatMap((i, j) => (i >= 0 ? [{ evalLine: evalKeys[j]!.line, trainLine: train[i]!.line, exact: exact[j]! }] : []))
    .sort((a, b) => a.evalLine - b.evalLine || a.trainLine - b.trainLine);
}

function normalizeHash(text: string): string {
  const [hi, lo] = hash64(normalizeText(text));
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

describe("partitioned LSH grouping", () => {
  // More records than one partition holds, many near and exact repeats, a few empty inputs.
  const rand = seeded(3);
  const words = "bank card limit fee order parcel refund label router phone email ticket wallet voucher".split(" ");
  const recent: string[] = [];
  const keys: RecordKey[] = [];
  for (let i = 0; i < 9000; i++) {
    let t = Array.from({ length: 3 + Math.floor(rand() * 14) }, () => words[Math.floor(rand() * words.length)]).join(" ");
    if (i % 7 === 0 && recent.length) t = `${recent[Math.floor(rand() * recent.length)]} please`;
    if (i % 11 === 0 && recent.length) t = recent[Math.floor(rand() * recent.length)]!;
    if (i % 97 === 0) t = "";
    recent[i % 64] = t;
    keys.push({ line: i + 1, inputHash: normalizeHash(t), exampleHash: normalizeHash(`${t} ${i % 3}`), signature: minhashSignature(normalizeText(t)) });
  }

  it("finds the pairs one table probed in record order finds", () => {
    for (const threshold of [0.5, 0.8, 0.95]) expect(nearDuplicatePairs(keys, threshold)).toEqual(referencePairs(keys, threshold));
  });

  it("matches eval records as one table of training buckets looked up in order does", () => {
    const train = keys.filter((_, i) => i % 4 !== 0);
    const evalKeys = keys.filter((_, i) => i % 4 === 0).map((k) => ({ ...k, line: k.line + 100_000 }));
    const matches = crossMatches(train, evalKeys, 0.8);
    expect(matches.filter((m) => !m.exact).length).toBeGreaterThan(100);
    expect(matches).toEqual(referenceCross(train, evalKeys, 0.8));
  });

  it("pairs repeated whole examples with their first occurrence", () => {
    const first = new Map<string, number>();
    const expected: Array<[number, number]> = [];
    keys.forEach((k, j) => {
      const i = first.get(k.exampleHash);
      if (i === undefined) first.set(k.exampleHash, j);
      else expected.push([i, j]);
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(exampleDuplicates(keys)).toEqual(expected);
  });
});
