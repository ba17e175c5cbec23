import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseLabels } from "../../src/datasets/index.js";
import { requireCorpusDir } from "./corpus-dir.js";

const corpusDir = requireCorpusDir();

const rasa = path.join(corpusDir, "datasets/rasa");
const corpus = (file: string): Buffer => readFileSync(path.join(rasa, file));

describe("parseLabels on the corpus", () => {
  it("reads the intents of domain.yml before, at and after the commit that cut them", () => {
    const before = parseLabels("domain.yml", "rasa-domain", corpus("rasa-demo__domain.before_35b97c07.yml"))!;
    const at = parseLabels("domain.yml", "rasa-domain", corpus("rasa-demo__domain.at_35b97c07.yml"))!;
    const head = parseLabels("domain.yml", "rasa-domain", corpus("rasa-demo__domain.HEAD.yml"))!;
    expect(before.labels).toHaveLength(69);
    expect(at.labels).toHaveLength(37);
    expect(head.labels).toHaveLength(42);
    // `- chitchat:` with options is an intent too, at its own line.
    expect(head.labels).toContain("chitchat");
    expect(head.lines["chitchat"]).toBe(18);
    expect(head.lines["affirm"]).toBe(8);
    expect(head.labels).toEqual([...head.labels].sort());
  });

  it("reads the intent column of Rasa's intent description mapping", () => {
    const parsed = parseLabels("actions/intent_description_mapping.csv", "label-csv", corpus("rasa-demo__intent_description_mapping.csv"))!;
    expect(parsed.labels).toContain("affirm");
    expect(parsed.labels).toContain("ask_when_next_event");
    expect(parsed.lines["affirm"]).toBe(2);
    expect(parsed.lines["ask_when_next_event"]).toBe(5);
    expect(new Set(parsed.labels).size).toBe(parsed.labels.length);
  });

  it("reads the label sets of labelled datasets", () => {
    const nlu = parseLabels("data/nlu.yml", "rasa-nlu", corpus("rasa-demo__nlu.yml"))!;
    expect(nlu.labels).toHaveLength(20);
    expect(nlu.lines["broken"]).toBe(5);
    const md = parseLabels("data/nlu.md", "rasa-nlu-md", corpus("rasa-demo__nlu.at_35b97c07.md"))!;
    expect(md.labels).toHaveLength(62);
    const csv = parseLabels("banking.csv", "classification", readFileSync(path.join(corpusDir, "datasets/cleanlab/banking-intent-classification.csv")))!;
    expect(csv.labels).toHaveLength(10);
    expect(csv.lines["cancel_transfer"]).toBe(2);
  });
});
