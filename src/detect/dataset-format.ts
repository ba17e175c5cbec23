/**
 * Sniffs a dataset's record format from the start of its text: JSONL, JSON arrays (or a single
 * JSON object), CSV/TSV headers, Rasa NLU YAML and legacy Markdown.
 */
import { CLASSIFICATION_TEXT_KEYS } from "../classification-columns.js";
import { scanArrayRecords, scanObject, skipSpace, type RecordShape } from "./json-scan.js";
import { signatures, type DatasetFormatSignature } from "./signatures.js";

/** How much of a file is looked at to decide its format. */
export const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 20;

/**
 * The format of a record shape, or undefined. `allowWeak` false skips formats too weak to
 * identify a lone object (e.g. `text`).
 */
export function formatOfShape(shape: RecordShape, allowWeak = true): string | undefined {
  for (const format of signatures.dataset_formats) {
    if (format.weak && !allowWeak) continue;
    if (format.match.some((alt) => matchesAlternative(shape, alt))) return format.name;
  }
  return undefined;
}

function matchesAlternative(shape: RecordShape, alt: DatasetFormatSignature["match"][number]): boolean {
  return Object.entries(alt).every(([key, want]) => {
    const type = shape.get(key);
    if (type === undefined) return false;
    switch (want) {
      case "any":
        return true;
      case "scalar":
        return type === "string" || type === "number" || type === "boolean";
      default:
        return type === want;
    }
  });
}

/** The format most of the sniffed records share, when at least half of them have one. */
function majority(shapes: RecordShape[]): string | undefined {
  if (shapes.length === 0) return undefined;
  const votes = new Map<string, number>();
  for (const shape of shapes) {
    const format = formatOfShape(shape);
    if (format) votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  let best: string | undefined;
  let count = 0;
  for (const [format, n] of votes) {
    if (n > count) [best, count] = [format, n];
  }
  return count * 2 >= shapes.length ? best : undefined;
}

/** JSON Lines: the shapes of the first records (a bad line is skipped, not fatal). */
export function sniffJsonl(text: string): string | undefined {
  const shapes: RecordShape[] = [];
  let nonObjects = 0;
  for (const line of text.slice(0, SNIFF_CHARS).split(/\r?\n/)) {
    if (shapes.length + nonObjects >= SNIFF_RECORDS) break;
    const start = skipSpace(line, 0);
    if (start >= line.length) continue;
    if (line[start] !== "{") {
      nonObjects++;
      continue;
    }
    const scan = scanObject(line, start);
    if (scan.shape.size > 0) shapes.push(scan.shape);
    else nonObjects++;
  }
  return nonObjects > shapes.length ? undefined : majority(shapes);
}

/** True when the first non-empty lines are each one complete JSON object (JSONL saved as .json). */
export function looksLikeJsonl(text: string): boolean {
  const lines = text
    .slice(0, SNIFF_CHARS)
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .slice(0, 3);
  if (lines.length < 2) return false;
  return lines.every((l) => {
    const start = skipSpace(l, 0);
    return l[start] === "{" && scanObject(l, start).end > 0;
  });
}

/**
 * A JSON file: an array of records, or a single record object (like axolotl's conversation.json;
 * weak formats do not count for a lone object).
 */
export function sniffJson(text: string): string | undefined {
  const head = text.slice(0, SNIFF_CHARS);
  const start = skipSpace(head, 0);
  if (head[start] === "[") {
    const { shapes, nonObjects } = scanArrayRecords(head, start, SNIFF_RECORDS);
    return nonObjects > 0 && shapes.length === 0 ? undefined : majority(shapes);
  }
  if (head[start] === "{") {
    if (looksLikeJsonl(head)) return sniffJsonl(head);
    return formatOfShape(scanObject(head, start).shape, false);
  }
  return undefined;
}

/** Column names of a CSV/TSV header row, lower-cased and trimmed. */
export function headerColumns(text: string, delimiter: "," | "\t"): string[] {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  const cols: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      cols.push(cur);
      cur = "";
    } else cur += ch;
  }
  cols.push(cur);
  return cols.map((c) => c.trim().toLowerCase());
}

/** What a CSV/TSV header says the file is. */
export type TabularSniff = { kind: "dataset"; format: string } | { kind: "label-schema"; format: "label-csv" } | null;

/** Sniffs a CSV/TSV from its header row: a dataset format, a label list (first column `intent`/`label`), or nothing. */
export function sniffTabular(text: string, delimiter: "," | "\t"): TabularSniff {
  const columns = headerColumns(text, delimiter);
  if (columns.length === 0 || columns.every((c) => c === "")) return null;
  const shape: RecordShape = new Map(columns.map((c) => [c, "string"] as const));
  // `label,description` lists the labels with what each means; `description,label` is data.
  const labelFirst = signatures.labels.csv_first_columns.includes(columns[0] ?? "");
  if (labelFirst && columns[1] === "description") return { kind: "label-schema", format: "label-csv" };
  for (const format of signatures.dataset_formats) {
    if (format.weak) continue;
    if (format.match.some((alt) => Object.keys(alt).every((k) => shape.has(k)))) return { kind: "dataset", format: format.name };
  }
  if (signatures.labels.csv_first_columns.includes(columns[0] ?? "")) return { kind: "label-schema", format: "label-csv" };
  return labelColumnByContent(text, delimiter, columns) ? { kind: "dataset", format: "classification" } : null;
}

/** Text column names a classification record is read by (the scan reads the same ones). */
const TEXT_COLUMNS = new Set(CLASSIFICATION_TEXT_KEYS);
/** Sniffed rows needed before a column's values say it holds labels. */
const MIN_LABEL_ROWS = 8;
/** Longest value a label column holds. */
const MAX_LABEL_CHARS = 40;

/**
 * True when a two-column CSV has a known text column and another column whose values in the
 * sniffed rows look like labels: short, and few distinct ones (at most half the rows), e.g.
 * `text,stars` or `sentence,verdict`.
 */
function labelColumnByContent(text: string, delimiter: "," | "\t", columns: readonly string[]): boolean {
  if (columns.length !== 2) return false;
  const textAt = columns.findIndex((c) => TEXT_COLUMNS.has(c));
  if (textAt < 0) return false;
  const other = 1 - textAt;
  const rows = text.split(/\r?\n/).slice(1, 201);
  // The last line of a prefix may be cut short.
  if (rows.length > 1) rows.pop();
  const values: string[] = [];
  for (const row of rows) {
    if (row.trim() === "") continue;
    const cells = headerColumns(row, delimiter);
    if (cells.length !== 2) continue;
    values.push(cells[other]!);
  }
  if (values.length < MIN_LABEL_ROWS) return false;
  if (values.some((v) => v === "" || v.length > MAX_LABEL_CHARS)) return false;
  return new Set(values).size <= values.length / 2;
}

/** Rasa NLU YAML: a `nlu:` list with at least one entry holding an intent and its examples. */
export function isRasaNlu(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const entries = value[signatures.rasa.nlu_key];
  if (!Array.isArray(entries)) return false;
  return entries.some((e) => isRecord(e) && signatures.rasa.nlu_entry_keys.every((k) => k in e));
}

const nluMdHeader = new RegExp(signatures.rasa.nlu_md_header, "im");

/** Legacy Rasa Markdown NLU data (`## intent:name` headers). */
export function isRasaNluMarkdown(text: string): boolean {
  return nluMdHeader.test(text.slice(0, SNIFF_CHARS));
}

/** A Rasa domain: an `intents` list plus another domain key (or a domain file name). */
export function isRasaDomain(value: unknown, pathIsDomain: boolean): boolean {
  if (!isRecord(value)) return false;
  if (!Array.isArray(value[signatures.rasa.domain_key])) return false;
  return pathIsDomain || signatures.rasa.domain_companion_keys.some((k) => k in value);
}

/** A plain JSON/YAML mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
