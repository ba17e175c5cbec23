/**
 * Container readers: turn a file's bytes into raw records with their 1-based lines, or into
 * per-line issues. JSONL and CSV/TSV are read line by line from a chunk stream; JSON, YAML and
 * Markdown are read whole (they cannot be split into records before parsing).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml";
import type { Node as YamlNode } from "yaml";
import { decodeUtf8, decodeUtf8Lenient, decodeWholeFile, DEFAULT_MAX_RECORD_BYTES, LineSplitter, splitLines, type RawLine } from "./lines.js";
import { lineHash, textHash } from "./record-ids.js";

/**
 * A parsed record at its line, or a problem at a line. Records of multi-line containers (JSON)
 * carry their source text, so a finding inside the record can point at its own line; JSONL
 * records carry their line's text as `json`. `hash` is the record's content hash where the reader
 * has the record's text (JSONL lines, valid or not; see `record-ids.ts`); an issue's `text` is the
 * unreadable line as far as it decodes, so its secrets are still found. A CSV's first record carries
 * the header row (`header`): its names are text too, and it is the first row of a file without one.
 */
export type RawEvent =
  | { line: number; value: unknown; source?: string; json?: string; hash?: number; header?: { line: number; text: string } }
  | { line: number; issue: string; hash?: number; text?: string };

/** How a file's records are laid out. */
export type Container = "jsonl" | "json" | "csv" | "tsv" | "rasa-yaml" | "rasa-md";

/** Picks the container from the dataset format (Rasa) and then the path's extension. */
export function containerFor(path: string, format: string): Container {
  if (format === "rasa-nlu") return "rasa-yaml";
  if (format === "rasa-nlu-md") return "rasa-md";
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  if (ext === "json") return "json";
  if (ext === "csv") return "csv";
  if (ext === "tsv") return "tsv";
  if (ext === "yml" || ext === "yaml") return "rasa-yaml";
  if (ext === "md") return "rasa-md";
  return "jsonl";
}

/** A line-based reader: feed lines in order, then call `end`. */
interface LineReader {
  line(l: RawLine): RawEvent[];
  end(): RawEvent[];
}

function tooLongIssue(line: number, length: number, max: number): RawEvent {
  return { line, issue: tooLongMessage(length, max) };
}

/** The format issue of a line of `length` bytes, over the `max` read. */
export function tooLongMessage(length: number, max: number): string {
  return `line is ${formatBytes(length)}, over the ${formatBytes(max)} limit; not parsed`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${n} bytes`;
}

/** Shortens a parser's message so one bad line cannot flood a report. */
function shortMessage(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}

/**
 * A JSON.parse message without the record text V8 quotes around the error (`Unexpected token 'A',
 * "{"key": AKIAZ04QWE"... is not valid JSON`): ten characters of a key are still a leak.
 */
function jsonError(err: unknown): string {
  return shortMessage((err as Error).message.replace(/^(Unexpected token '.{1,2}'), (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, "$1"));
}

function jsonlReader(max: number): LineReader {
  return {
    line(l) {
      if (l.tooLong) return [tooLongIssue(l.line, l.length, max)];
      const decoded = decodeUtf8(l.bytes);
      if ("error" in decoded) return [{ line: l.line, issue: decoded.error, text: decodeUtf8Lenient(l.bytes), hash: lineHash(l.bytes) }];
      if (decoded.text.trim() === "") return [];
      const hash = lineHash(l.bytes);
      try {
        return [{ line: l.line, value: JSON.parse(decoded.text) as unknown, json: decoded.text, hash }];
      } catch (err) {
        return [{ line: l.line, issue: `invalid JSON: ${jsonError(err)}`, hash, text: decoded.text }];
      }
    },
    end: () => [],
  };
}

/**
 * RFC 4180 reader: a header row, then one record per row; quoted fields may hold separators and
 * newlines. A bare CR (old Mac line ends) ends a row as LF and CRLF do. A quote inside an unquoted
 * field, or text after a closing quote, makes the record an issue naming its line and column.
 */
function csvReader(delimiter: string, max: number): LineReader {
  let header: string[] | null = null;
  let headerRow: { line: number; text: string } | null = null;
  let fields: string[] = [];
  let field = "";
  let fieldStarted = false;
  let inQuotes = false;
  let closed = false;
  let startLine = 0;
  let recordSize = 0;
  let badUtf8: RawEvent | null = null;
  let stray: RawEvent | null = null;
  // Bare CRs seen so far: each is a line break the line splitter (which splits at LF) did not count.
  let bareCrs = 0;

  const reset = (): void => {
    fields = [];
    field = "";
    fieldStarted = false;
    inQuotes = false;
    closed = false;
    recordSize = 0;
    badUtf8 = null;
    stray = null;
  };

  const finish = (): RawEvent[] => {
    fields.push(field);
    const row = fields;
    const bad = badUtf8 ?? stray;
    const line = startLine;
    reset();
    // A row that cannot be a record is still text the scan reads for secrets, and its identity
    // (which says whether the change introduced it) is that text, not the message every such row shares.
    const text = row.join(delimiter);
    if (header === null) {
      header = row.map((h) => h.trim());
      headerRow = { line, text };
      return bad ? [{ ...bad, text }] : [];
    }
    if (bad) return [{ ...bad, text, hash: textHash(text) }];
    if (row.length !== header.length) {
      return [{ line, issue: `expected ${header.length} fields, found ${row.length}`, text, hash: textHash(text) }];
    }
    const value: Record<string, string> = {};
    header.forEach((name, i) => {
      value[name] = row[i]!;
    });
    if (headerRow === null) return [{ line, value }];
    const first = headerRow;
    headerRow = null;
    return [{ line, value, header: first }];
  };

  const strayQuote = (line: number, column: number, what: string): void => {
    stray ??= { line, issue: `${what} at column ${column}; a field that holds a quote must be quoted, with the quote doubled ("")` };
  };

  /** One physical line of text (no line break in it). */
  const row = (text: string, lineNo: number, bytes: number): RawEvent[] => {
    if (!inQuotes) {
      if (text.trim() === "" && !badUtf8) return [];
      startLine = lineNo;
    } else {
      field += "\n";
    }
    recordSize += bytes;
    if (recordSize > max) {
      const line = startLine;
      const size = recordSize;
      reset();
      return [{ line, issue: `record is ${formatBytes(size)}, over the ${formatBytes(max)} limit (a quoted field left open?); not parsed` }];
    }
    if (!inQuotes && !text.includes('"')) {
      fields = text.split(delimiter);
      field = fields.pop()!;
      return finish();
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            inQuotes = false;
            closed = true;
          }
        } else field += c;
      } else if (c === delimiter) {
        fields.push(field);
        field = "";
        fieldStarted = false;
        closed = false;
      } else if (closed) {
        if (c !== " " && c !== "\t") strayQuote(lineNo, i + 1, "text after a closing quote");
      } else if (c === '"' && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
      } else {
        if (c === '"') strayQuote(lineNo, i + 1, "a quote inside an unquoted field");
        field += c;
        fieldStarted = true;
      }
    }
    return inQuotes ? [] : finish();
  };

  return {
    line(l) {
      if (l.tooLong) {
        const line = inQuotes ? startLine : l.line + bareCrs;
        reset();
        return [tooLongIssue(line, l.length, max)];
      }
      let text: string;
      const decoded = decodeUtf8(l.bytes);
      if ("error" in decoded) {
        text = decodeUtf8Lenient(l.bytes);
        badUtf8 ??= { line: l.line + bareCrs, issue: decoded.error };
      } else {
        text = decoded.text;
      }
      if (!text.includes("\r")) return row(text, l.line + bareCrs, l.bytes.length);
      const first = l.line + bareCrs;
      const parts = text.split("\r");
      bareCrs += parts.length - 1;
      return parts.flatMap((part, j) => row(part, first + j, Buffer.byteLength(part) + 1));
    },
    end() {
      if (!inQuotes) return [];
      const line = startLine;
      reset();
      return [{ line, issue: "unterminated quoted field" }];
    },
  };
}

/** Reads a JSONL or CSV/TSV stream line by line. */
export async function* readLineRecords(
  container: "jsonl" | "csv" | "tsv",
  chunks: AsyncIterable<Buffer> | Buffer,
  maxBytes: number = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<RawEvent> {
  const reader = lineReader(container, maxBytes);
  const splitter = new LineSplitter(maxBytes);
  if (Buffer.isBuffer(chunks)) {
    yield* readLinesSync(reader, splitter, chunks);
    return;
  }
  for await (const chunk of chunks) {
    for (const l of splitter.push(chunk)) yield* reader.line(l);
  }
  for (const l of splitter.end()) yield* reader.line(l);
  yield* reader.end();
}

function* readLinesSync(reader: LineReader, splitter: LineSplitter, content: Buffer): Generator<RawEvent> {
  for (const l of splitter.push(content)) yield* reader.line(l);
  for (const l of splitter.end()) yield* reader.line(l);
  yield* reader.end();
}

function lineReader(container: "jsonl" | "csv" | "tsv", maxBytes: number): LineReader {
  if (container === "jsonl") return jsonlReader(maxBytes);
  return csvReader(container === "tsv" ? "\t" : ",", maxBytes);
}

/** Reads a whole file of any container synchronously (used for label schemas and buffered files). */
export function readRecordsSync(container: Container, content: Buffer, maxBytes: number = DEFAULT_MAX_RECORD_BYTES): RawEvent[] {
  if (container === "jsonl" || container === "csv" || container === "tsv") {
    return [...readLinesSync(lineReader(container, maxBytes), new LineSplitter(maxBytes), content)];
  }
  if (container === "json") return readJson(content);
  if (container === "rasa-yaml") return readRasaYaml(content);
  return readRasaMarkdown(content);
}

/**
 * Reads any container from a buffer or a chunk stream, as the events of one chunk at a time: a
 * consumer then awaits once per chunk rather than once per record.
 */
export async function* readRecordBatches(
  container: Container,
  chunks: AsyncIterable<Buffer> | Buffer,
  maxBytes: number = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<RawEvent[]> {
  if ((container !== "jsonl" && container !== "csv" && container !== "tsv") || Buffer.isBuffer(chunks)) {
    const events: RawEvent[] = [];
    for await (const event of readRecords(container, chunks, maxBytes)) events.push(event);
    yield events;
    return;
  }
  const reader = lineReader(container, maxBytes);
  const splitter = new LineSplitter(maxBytes);
  for await (const chunk of chunks) {
    const events: RawEvent[] = [];
    for (const l of splitter.push(chunk)) events.push(...reader.line(l));
    if (events.length > 0) yield events;
  }
  const events: RawEvent[] = [];
  for (const l of splitter.end()) events.push(...reader.line(l));
  events.push(...reader.end());
  yield events;
}

/**
 * Reads the JSONL lines of a part of a file whose first line is `firstLine`; unless it is the
 * file's last part, the part ends with a newline.
 */
export function readJsonlPart(content: Buffer, firstLine: number, maxBytes: number = DEFAULT_MAX_RECORD_BYTES): RawEvent[] {
  return [...readLinesSync(jsonlReader(maxBytes), new LineSplitter(maxBytes, firstLine), content)];
}

/** Reads any container from a buffer or a chunk stream. */
export async function* readRecords(
  container: Container,
  chunks: AsyncIterable<Buffer> | Buffer,
  maxBytes: number = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<RawEvent> {
  if (container === "jsonl" || container === "csv" || container === "tsv") {
    yield* readLineRecords(container, chunks, maxBytes);
    return;
  }
  let content: Buffer;
  if (Buffer.isBuffer(chunks)) content = chunks;
  else {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    content = Buffer.concat(parts);
  }
  yield* readRecordsSync(container, content, maxBytes);
}

function badLineEvents(badLines: Map<number, string>): RawEvent[] {
  return [...badLines].map(([line, issue]) => ({ line, issue }));
}

function byLine(a: RawEvent, b: RawEvent): number {
  return a.line - b.line;
}

/** A top-level JSON value's span in the text. */
interface Span {
  start: number;
  end: number;
  line: number;
  endLine: number;
}

/**
 * Finds each record's span without parsing: the elements of a top-level array, or top-level
 * values one after another (a single object, or JSON lines saved as `.json`). Tracks strings
 * and nesting only, so one broken element does not hide the others.
 */
function topLevelSpans(text: string): { spans: Span[]; unclosedArray: boolean; notJson: number | null } {
  const spans: Span[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length && /\s/.test(text[i]!)) {
    if (text[i] === "\n") line++;
    i++;
  }
  if (i >= text.length) return { spans, unclosedArray: false, notJson: null };
  const arrayMode = text[i] === "[";
  if (!arrayMode && text[i] !== "{") return { spans, unclosedArray: false, notJson: line };
  if (arrayMode) i++;
  let depth = 0;
  let inString = false;
  let escape = false;
  let start = -1;
  let startLine = 0;
  let lastNonWs = -1;
  let lastNonWsLine = 0;
  let closed = !arrayMode;
  const close = (): void => {
    if (start >= 0) spans.push({ start, end: lastNonWs + 1, line: startLine, endLine: lastNonWsLine });
    start = -1;
  };
  const open = (at: number): void => {
    if (start < 0) {
      start = at;
      startLine = line;
    }
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (escape) escape = false;
      else if (c === "\\") escape = true;
      else if (c === '"') inString = false;
      else if (c === "\n") line++;
      if (c !== "\n") {
        lastNonWs = i;
        lastNonWsLine = line;
      }
      continue;
    }
    if (c === "\n") {
      line++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    if (depth === 0) {
      if (arrayMode && c === "]") {
        close();
        closed = true;
        break;
      }
      if (c === ",") {
        close();
        continue;
      }
    }
    open(i);
    lastNonWs = i;
    lastNonWsLine = line;
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && !arrayMode) close();
    }
  }
  close();
  return { spans, unclosedArray: arrayMode && !closed, notJson: null };
}

function lineOfOffset(text: string, from: number, to: number, base: number): number {
  let line = base;
  for (let k = from; k < to && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

function readJson(content: Buffer): RawEvent[] {
  const { text, badLines } = decodeWholeFile(content);
  const events = badLineEvents(badLines);
  const { spans, unclosedArray, notJson } = topLevelSpans(text);
  if (notJson !== null) {
    events.push({ line: notJson, issue: "invalid JSON: expected an array of records or a JSON object" });
    return events.sort(byLine);
  }
  for (const span of spans) {
    let touchesBadLine = false;
    for (let l = span.line; l <= span.endLine && !touchesBadLine; l++) touchesBadLine = badLines.has(l);
    if (touchesBadLine) continue;
    const slice = text.slice(span.start, span.end);
    try {
      events.push({ line: span.line, value: JSON.parse(slice) as unknown, ...(span.endLine > span.line && { source: slice }) });
    } catch (err) {
      const message = (err as Error).message;
      const pos = /position (\d+)/.exec(message);
      const line = pos ? lineOfOffset(text, span.start, span.start + Number(pos[1]), span.line) : span.line;
      events.push({ line, issue: `invalid JSON: ${jsonError(err)}`, text: slice, hash: textHash(slice) });
    }
  }
  if (unclosedArray) {
    const lastLine = lineOfOffset(text, 0, text.trimEnd().length, 1);
    events.push({ line: lastLine, issue: "invalid JSON: the top-level array is not closed" });
  }
  return events.sort(byLine);
}

/** Removes Rasa entity annotations: `[Rasa X](product)` and `[text]{"entity": ...}` read as their text. */
export function stripRasaAnnotations(text: string): string {
  return text.replace(/\[([^\]\n]*)\](?:\([^)\n]*\)|\{[^}\n]*\})/g, "$1");
}

function readRasaYaml(content: Buffer): RawEvent[] {
  const { text, badLines } = decodeWholeFile(content);
  const events = badLineEvents(badLines);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? Math.max(1, counter.linePos(node.range[0]).line) : 1);
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      events.push({ line: err.linePos?.[0].line ?? 1, issue: `invalid YAML: ${shortMessage(err.message.split("\n")[0] ?? "")}` });
    }
    return events.sort(byLine);
  }
  const nlu = isMap(doc.contents) ? doc.contents.get("nlu", true) : undefined;
  if (!isSeq(nlu)) {
    events.push({ line: 1, issue: 'missing "nlu" list' });
    return events.sort(byLine);
  }
  for (const item of nlu.items) {
    if (!isMap(item)) continue;
    const intentNode = item.get("intent", true);
    if (intentNode === undefined) continue; // synonym, regex and lookup entries hold no examples
    const intentLine = lineOf(intentNode);
    const intent = isScalar(intentNode) ? String(intentNode.value ?? "").trim() : "";
    if (!intent) {
      events.push({ line: intentLine, issue: "intent has no name" });
      continue;
    }
    const examples = item.get("examples", true);
    if (isScalar(examples) && typeof examples.value === "string") {
      events.push(...blockExamples(examples, intent, lineOf(examples), text, counter));
    } else if (isSeq(examples)) {
      for (const ex of examples.items) {
        const exNode = isMap(ex) ? ex.get("text", true) : ex;
        const value = isScalar(exNode) ? exNode.value : undefined;
        if (typeof value !== "string" || value.trim() === "") {
          events.push({ line: lineOf(ex as YamlNode), issue: `intent "${intent}": empty example` });
        } else {
          events.push({ line: lineOf(exNode as YamlNode), value: { text: value.trim(), label: intent } });
        }
      }
    } else {
      events.push({ line: intentLine, issue: `intent "${intent}" has no examples` });
    }
  }
  return events.sort(byLine);
}

/** Examples of a `examples: |` block, each at its own source line. */
function blockExamples(node: Scalar, intent: string, headerLine: number, text: string, counter: LineCounter): RawEvent[] {
  const events: RawEvent[] = [];
  const value = String(node.value);
  const valueLines = value.split("\n");
  if (valueLines[valueLines.length - 1] === "") valueLines.pop();
  const literal = node.type === Scalar.BLOCK_LITERAL;
  // A literal block keeps one value line per source line, starting below its `|` header.
  const sourceLines = literal ? null : text.split("\n");
  let searchFrom = headerLine;
  valueLines.forEach((raw, k) => {
    let line = headerLine + 1 + k;
    if (!literal) {
      const rangeStart = node.range ? counter.linePos(node.range[0]).line : headerLine;
      line = rangeStart;
      for (let s = Math.max(searchFrom, rangeStart); s <= (sourceLines?.length ?? 0); s++) {
        if (sourceLines![s - 1]?.includes(raw.trim())) {
          line = s;
          searchFrom = s + 1;
          break;
        }
      }
    }
    const trimmed = raw.trim();
    if (trimmed === "") return;
    const m = /^[-*+]\s*(.*)$/.exec(trimmed);
    if (!m) {
      events.push({ line, issue: `intent "${intent}": example does not start with "- "` });
    } else if (m[1]!.trim() === "") {
      events.push({ line, issue: `intent "${intent}": empty example` });
    } else {
      events.push({ line, value: { text: m[1]!.trim(), label: intent } });
    }
  });
  return events;
}

function readRasaMarkdown(content: Buffer): RawEvent[] {
  const events: RawEvent[] = [];
  let intent: string | null = null;
  let inOtherSection = false;
  let inComment = false;
  for (const l of splitLines(content, Number.MAX_SAFE_INTEGER)) {
    if (l.tooLong) continue;
    const decoded = decodeUtf8(l.bytes);
    if ("error" in decoded) {
      events.push({ line: l.line, issue: decoded.error });
      continue;
    }
    const line = decoded.text.trim();
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    if (line.startsWith("<!--")) {
      inComment = !line.includes("-->");
      continue;
    }
    const header = /^##\s*([a-z_]+)\s*:\s*(.*)$/i.exec(line);
    if (header) {
      if (header[1]!.toLowerCase() === "intent") {
        intent = header[2]!.trim();
        inOtherSection = false;
        if (!intent) events.push({ line: l.line, issue: "intent has no name" });
      } else {
        intent = null;
        inOtherSection = true;
      }
      continue;
    }
    if (line.startsWith("#")) {
      intent = null;
      inOtherSection = false;
      continue;
    }
    const item = /^[-*+]\s+(.*)$/.exec(line) ?? (line === "-" ? ["-", ""] : null);
    if (!item) continue;
    if (inOtherSection) continue;
    if (!intent) {
      events.push({ line: l.line, issue: "example outside an intent section" });
    } else if (item[1].trim() === "") {
      events.push({ line: l.line, issue: `intent "${intent}": empty example` });
    } else {
      events.push({ line: l.line, value: { text: item[1].trim(), label: intent } });
    }
  }
  return events;
}
