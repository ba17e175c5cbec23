import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseLabels } from "../../src/datasets/index.js";

const rasa = path.resolve(process.cwd(), "../shared/corpus/datasets/rasa");
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
    const csv = parseLabels(
      "banking.csv",
      "classification",
      readFileSync(path.resolve(process.cwd(), "../shared/corpus/datasets/cleanlab/banking-intent-classification.csv")),
    )!;
    expect(csv.labels).toHaveLength(10);
    expect(csv.lines["cancel_transfer"]).toBe(2);
  });
});

describe("parseLabels on label files", () => {
  const b = (s: string): Buffer => Buffer.from(s, "utf8");

  it("reads YAML and JSON lists and {labels|classes} mappings", () => {
    expect(parseLabels("labels.yaml", "label-list", b("- billing\n- tech\n- billing\n- account\n"))).toEqual({
      labels: ["account", "billing", "tech"],
      lines: { account: 4, billing: 1, tech: 2 },
    });
    expect(parseLabels("labels.yml", "label-list", b("# routing\nlabels:\n  - a\n  - b\n"))).toEqual({ labels: ["a", "b"], lines: { a: 3, b: 4 } });
    expect(parseLabels("classes.json", "label-list", b('{\n  "classes": [\n    "x",\n    "y"\n  ]\n}\n'))).toEqual({
      labels: ["x", "y"],
      lines: { x: 3, y: 4 },
    });
    expect(parseLabels("labels.json", "label-list", b('["b", "a"]'))!.labels).toEqual(["a", "b"]);
  });

  it("reads label maps in both directions", () => {
    expect(parseLabels("label_map.json", "label-list", b('{\n  "negative": 0,\n  "positive": 1\n}'))).toEqual({
      labels: ["negative", "positive"],
      lines: { negative: 2, positive: 3 },
    });
    expect(parseLabels("id2label.json", "label-list", b('{"0": "neg", "1": "pos"}'))!.labels).toEqual(["neg", "pos"]);
    expect(parseLabels("config.json", "label-list", b('{"id2label": {"0": "neg", "1": "pos"}}'))!.labels).toEqual(["neg", "pos"]);
  });

  it("reads text files one label per line, ignoring blank and # lines", () => {
    expect(parseLabels("classes.txt", "label-list", b("# classes\ncat\n\ndog\r\n  bird  \n"))).toEqual({
      labels: ["bird", "cat", "dog"],
      lines: { bird: 5, cat: 2, dog: 4 },
    });
  });

  it("reads a CSV label column and a JSONL classification set", () => {
    expect(parseLabels("intents.csv", "label-csv", b("label,description\nrefund,Money back\nlogin,Sign-in help\n"))!.labels).toEqual(["login", "refund"]);
    const jsonl = b('{"text": "a", "label": "x"}\n{"text": "b", "label": "y"}\n{"text": "c", "label": "x"}\n');
    expect(parseLabels("train.jsonl", "classification", jsonl)).toEqual({ labels: ["x", "y"], lines: { x: 1, y: 2 } });
  });

  it("returns null for files without a label set", () => {
    expect(parseLabels("labels.yaml", "label-list", b("foo:\n  bar: [1, 2]\n  baz: {a: 1}\n"))).toBeNull();
    expect(parseLabels("labels.yaml", "label-list", b("a: [unclosed\n"))).toBeNull();
    expect(parseLabels("notes.csv", "label-csv", b("name,value\na,1\n"))).toBeNull();
    expect(parseLabels("chat.jsonl", "openai-chat", b('{"messages": []}\n'))).toBeNull();
  });
});
