import { describe, it, expect } from "@jest/globals";
import { parseLabels } from "../../src/datasets/index.js";
import { fixtureFile } from "../fixtures/fixture-files.js";

describe("parseLabels on the Rasa and CSV fixtures", () => {
  it("reads a domain.yml's intents, an intent with options included, each at its own line", () => {
    const domain = parseLabels("domain.yml", "rasa-domain", fixtureFile("datasets/domain.yml"))!;
    expect(domain.labels).toEqual(["check_balance", "goodbye", "greet"]);
    expect(domain.lines).toEqual({ greet: 3, goodbye: 4, check_balance: 5 });
  });

  it("reads the intent column of an intent description mapping", () => {
    const parsed = parseLabels("actions/intent_description_mapping.csv", "label-csv", fixtureFile("datasets/intent_description_mapping.csv"))!;
    expect(parsed.labels).toEqual(["check_balance", "goodbye", "greet"]);
    expect(parsed.lines).toEqual({ greet: 2, goodbye: 3, check_balance: 4 });
  });

  it("reads the label sets of nlu.yml and nlu.md (synonyms are not intents) and of a text,label CSV", () => {
    const nlu = parseLabels("data/nlu.yml", "rasa-nlu", fixtureFile("datasets/nlu.yml"))!;
    expect(nlu.labels).toEqual(["check_balance", "goodbye", "greet"]);
    // A label's line is that of its first example.
    expect(nlu.lines["goodbye"]).toBe(10);
    const md = parseLabels("data/nlu.md", "rasa-nlu-md", fixtureFile("datasets/nlu.md"))!;
    expect(md.labels).toEqual(["check_balance", "goodbye", "greet"]);
    const csv = parseLabels("banking.csv", "classification", fixtureFile("datasets/classification.csv"))!;
    expect(csv.labels).toEqual(["cancel_transfer", "card_arrival", "change_pin", "duplicate_charge"]);
    expect(csv.lines["cancel_transfer"]).toBe(2);
    expect(csv.lines["duplicate_charge"]).toBe(5);
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
