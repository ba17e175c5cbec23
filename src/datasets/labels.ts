/**
 * Reading the label set of a label schema file (lists, label maps, Rasa domains, intent CSVs) or
 * of a labelled dataset, with the line each label first appears on.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node as YamlNode, YAMLMap, YAMLSeq } from "yaml";
import { containerFor, readRecordsSync } from "./containers.js";
import { extractRecord, isDatasetFormat } from "./formats.js";
import { decodeWholeFile } from "./lines.js";

/** A label set: sorted unique labels and the 1-based line of each label's first appearance. */
export interface ParsedLabels {
  labels: string[];
  lines: Record<string, number>;
}

/** Keys of a mapping that hold the label list. */
const LIST_KEYS = ["intents", "labels", "classes", "label_names", "names", "categories", "id2label", "label2id"];
/** CSV/TSV columns that hold labels, the first-column names of label lists first. */
const CSV_LABEL_COLUMNS = ["intent", "label", "labels", "class", "category"];

class LabelSet {
  private readonly lines = new Map<string, number>();

  add(label: string, line: number): void {
    const l = label.trim();
    if (l === "") return;
    const prev = this.lines.get(l);
    if (prev === undefined || line < prev) this.lines.set(l, line);
  }

  result(): ParsedLabels {
    const labels = [...this.lines.keys()].sort();
    const lines: Record<string, number> = {};
    for (const l of labels) lines[l] = this.lines.get(l)!;
    return { labels, lines };
  }
}

function extension(path: string): string {
  return /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
}

function fromDataset(path: string, format: string, content: Buffer): ParsedLabels | null {
  if (!isDatasetFormat(format)) return null;
  const set = new LabelSet();
  let labelled = false;
  for (const event of readRecordsSync(containerFor(path, format), content)) {
    if (!("value" in event)) continue;
    const record = extractRecord(format, event.value);
    if ("error" in record) continue;
    for (const label of record.labels) {
      labelled = true;
      set.add(label, event.line);
    }
  }
  const labelledFormat = format === "classification" || format === "rasa-nlu" || format === "rasa-nlu-md";
  return labelled || labelledFormat ? set.result() : null;
}

function fromCsv(path: string, content: Buffer): ParsedLabels | null {
  const events = readRecordsSync(extension(path) === "tsv" ? "tsv" : "csv", content);
  const first = events.find((e): e is { line: number; value: unknown } => "value" in e);
  if (!first) return null;
  const header = Object.keys(first.value as Record<string, string>);
  const column =
    (CSV_LABEL_COLUMNS.includes(header[0]?.toLowerCase() ?? "") ? header[0] : undefined) ?? header.find((h) => CSV_LABEL_COLUMNS.includes(h.toLowerCase()));
  if (column === undefined) return null;
  const set = new LabelSet();
  for (const e of events) if ("value" in e) set.add((e.value as Record<string, string>)[column] ?? "", e.line);
  return set.result();
}

function fromText(content: Buffer): ParsedLabels {
  const set = new LabelSet();
  decodeWholeFile(content)
    .text.split("\n")
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line !== "" && !line.startsWith("#")) set.add(line, i + 1);
    });
  return set.result();
}

function scalarLabel(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  return typeof v === "string" || typeof v === "number" ? String(v) : null;
}

function fromStructured(content: Buffer): ParsedLabels | null {
  const { text } = decodeWholeFile(content);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  const lineOf = (node: unknown): number => {
    const range = (node as YamlNode | null)?.range;
    return range ? Math.max(1, counter.linePos(range[0]).line) : 1;
  };
  const set = new LabelSet();

  const fromSeq = (seq: YAMLSeq): void => {
    for (const item of seq.items) {
      const label = scalarLabel(item);
      if (label !== null) set.add(label, lineOf(item));
      else if (isMap(item)) {
        const named = item.get("name", true) ?? item.get("label", true);
        if (named !== undefined && scalarLabel(named) !== null) set.add(scalarLabel(named)!, lineOf(named));
        else if (item.items.length === 1) {
          // Rasa: `- chitchat: {use_entities: []}` declares the intent `chitchat`.
          const key = item.items[0]!.key;
          const keyLabel = scalarLabel(key);
          if (keyLabel !== null) set.add(keyLabel, lineOf(key));
        }
      }
    }
  };

  /** `{name: id}` or `{id: name}` (label_map.json, id2label): the labels are the names. */
  const fromLabelMap = (map: YAMLMap): void => {
    const pairs = map.items.filter(isPair);
    const idKeys = pairs.every((p) => {
      const k = scalarLabel(p.key);
      return k !== null && /^\d+$/.test(k) && scalarLabel(p.value) !== null;
    });
    for (const p of pairs) {
      const node = idKeys ? p.value : p.key;
      const label = scalarLabel(node);
      if (label !== null) set.add(label, lineOf(node));
    }
  };

  const root = doc.contents;
  if (isSeq(root)) fromSeq(root);
  else if (isMap(root)) {
    const key = LIST_KEYS.find((k) => root.has(k));
    if (key !== undefined) {
      const value = root.get(key, true);
      if (isSeq(value)) fromSeq(value);
      else if (isMap(value)) fromLabelMap(value);
      else if (value !== null && value !== undefined && !(isScalar(value) && value.value === null)) return null;
    } else if (root.items.every((p) => isPair(p) && isScalar(p.value))) {
      fromLabelMap(root);
    } else return null;
  } else return null;
  return set.result();
}

/**
 * The label set of a label schema file or a labelled dataset: YAML/JSON lists, mappings with
 * `labels`/`classes`/`intents` (Rasa `domain.yml`, including `- intent: {options}` entries),
 * label maps (`{"name": id}` or `{"id": "name"}`), text files with one label per line (blank
 * and `#` lines ignored), CSV/TSV with an `intent`/`label` column, and classification or Rasa NLU
 * datasets. Returns null when the file holds no recognisable label set.
 */
export function parseLabels(path: string, format: string, content: Buffer): ParsedLabels | null {
  if (isDatasetFormat(format)) return fromDataset(path, format, content);
  const ext = extension(path);
  if (ext === "csv" || ext === "tsv") return fromCsv(path, content);
  if (ext === "json" || ext === "yml" || ext === "yaml") return fromStructured(content);
  if (ext === "md") return null;
  return fromText(content);
}
