import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadEnglishModel } from "../../src/proposal/english-model.js";
import { hasQuantity, hasResult } from "../../src/proposal/language.js";
import { blankComments, hasContent, readProposal, stem } from "../../src/proposal/read-proposal.js";

beforeAll(() => loadEnglishModel());

const texts = (t: string) => readProposal(t).sentences.map((s) => s.text);

describe("readProposal", () => {
  it("does not end sentences at decimals, versions or abbreviations", () => {
    expect(texts("We need 1.2 s at p95 on gpt-4.1, e.g. for chat. Then we retrain monthly.")).toEqual([
      "We need 1.2 s at p95 on gpt-4.1, e.g. for chat.",
      "Then we retrain monthly.",
    ]);
  });

  it("ends sentences at line breaks, list items and table rows, and keeps the section they sit in", () => {
    const read = readProposal("## Non-goals\n- Fixing reasoning\n- Tone\n\n| Field | Value |\n|---|---|\n| Latency | 300 ms |\nCadence: monthly");
    expect(read.sentences.map((s) => [s.section, s.text])).toEqual([
      ["non-goals", "Fixing reasoning"],
      ["non-goals", "Tone"],
      ["non-goals field", "Field: Value"],
      ["non-goals latency", "Latency: 300 ms"],
      ["non-goals cadence", "Cadence: monthly"],
    ]);
  });

  it("reads a plain-text label before a list or a blank line as a section, and numbers paragraphs", () => {
    const read = readProposal("Motivation\n\nIt invents fares. We fine-tune.\nBudget\n- 300 ms p95\nFine-tune Llama");
    expect(read.sentences.map((s) => [s.section, s.paragraph, s.text])).toEqual([
      ["motivation", 1, "Motivation"],
      ["motivation", 2, "It invents fares."],
      ["motivation", 2, "We fine-tune."],
      ["budget", 3, "Budget"],
      ["budget", 3, "300 ms p95"],
      ["budget", 3, "Fine-tune Llama"],
    ]);
  });

  it("reads YAML front matter keys as sections", () => {
    const read = readProposal("---\nretraining_cadence: quarterly\n---\n# Card\n");
    expect(read.sections[0]).toEqual({ title: "retraining cadence", content: "quarterly" });
  });

  it("treats TBD, N/A and empty sections as no statement", () => {
    for (const c of ["", "TBD", "n/a", "None.", "<!-- fill in -->", "—", "** –"]) expect(hasContent(c)).toBe(false);
    expect(hasContent("monthly")).toBe(true);
  });
});

describe("stem and hasQuantity", () => {
  it("meets inflections", () => {
    expect(stem("improving")).toBe(stem("improve"));
    expect(stem("prompted")).toBe(stem("prompts"));
    expect(stem("hallucinates")).toBe(stem("hallucinating"));
  });

  it("finds durations, percentiles and money in digits and words", () => {
    const q = (t: string) => hasQuantity(t, t.toLowerCase().split(/\s+/).map(stem));
    expect(q("within two seconds")).toBe(true);
    expect(q("1.5 seconds at the 95th percentile")).toBe(true);
    expect(q("£0.30 per thousand calls")).toBe(true);
    expect(q("latency matters")).toBe(false);
    expect(q("citations were correct in 92% of answers but latency doubled")).toBe(false);
    expect(q("p95 latency is what users feel")).toBe(false);
  });

  it("reads amounts in words through the English model's entities, and not a unit alone", () => {
    const q = (t: string) => hasQuantity(t, t.toLowerCase().split(/\s+/).map(stem));
    expect(q("the p99 must stay under ninety milliseconds")).toBe(true);
    expect(q("a cost ceiling of fifty pounds a week")).toBe(true);
    expect(q("response time target is ninety milliseconds")).toBe(true);
    expect(q("latency matters this month")).toBe(false);
    expect(q("cost reports go out to finance at 9am each Monday")).toBe(false);
  });

  it("reads setext headings (a line underlined with === or ---) as sections", () => {
    const read = readProposal("Performance envelope\n--------------------\nUnder 250 ms at p95.\n\nRefresh policy\n==============\nRe-fit every month.");
    expect(read.sentences.map((s) => [s.section, s.text])).toEqual([
      ["performance envelope", "Under 250 ms at p95."],
      ["refresh policy", "Re-fit every month."],
    ]);
  });

  it("keeps a sentence above a rule (---) as prose, not a heading", () => {
    const read = readProposal("Budget: p95 under 300 ms, and we retrain monthly.\n---\ncc @ml-platform");
    expect(read.sentences.map((s) => [s.section, s.text])[0]).toEqual(["budget", "Budget: p95 under 300 ms, and we retrain monthly."]);
  });

  it("finds measured results, not versions or prices", () => {
    for (const t of ["reached 74%", "0.81 macro-F1", "rubric 3.1/5", "rated 3.1/5.", "an F1 of 0.81.", "skipped steps 1 in 5 runs"])
      expect(hasResult(t)).toBe(true);
    for (const t of ["bump the client to 2.3", "gpt-4.1 with a system prompt", "$0.50 per call", "v1.2.0"]) expect(hasResult(t)).toBe(false);
  });

  it("reads a hyphenated name as its parts, as concept phrases are", () => {
    const [s] = readProposal("- Prompt-only: tone drifted.").sentences;
    expect(s!.words.slice(0, 2)).toEqual(["prompt", "only"]);
  });

  it("meets plurals of -ing nouns", () => {
    expect(stem("embeddings")).toBe(stem("embedding"));
  });
});

describe("clauses and comments", () => {
  it("numbers clauses so negation stops at ; ( ) : and dashes", () => {
    const [s] = readProposal("Prompting could not solve it (we tried three prompts).").sentences;
    const at = s!.words.indexOf("tried");
    expect(s!.clauses[at]).not.toBe(s!.clauses[s!.words.indexOf("not")]);
  });

  it("blanks HTML comments, keeping lines, and an unclosed one runs to the end", () => {
    expect(blankComments("a <!-- b\nc --> d")).toBe("a       \n      d");
    expect(blankComments("a <!-- b")).toBe("a       ");
    expect(readProposal("<!-- We tried prompting: 70%. -->\nRetrain monthly.").sentences.map((x) => x.text)).toEqual(["Retrain monthly."]);
  });
});

describe("a 1 MB PR body", () => {
  it("is read whole: a statement at its end still counts", () => {
    const body = `${"Routing tickets for the billing team without punctuation ".repeat(18000)}\nWe retrain monthly and keep p95 under 300 ms.`;
    expect(body.length).toBeGreaterThan(1_000_000);
    const read = readProposal(body);
    expect(read.sentences.at(-1)!.text).toBe("We retrain monthly and keep p95 under 300 ms.");
    expect(read.sentences.every((s) => s.text.length <= 400)).toBe(true);
  });
});
