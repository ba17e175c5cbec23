/**
 * A tolerant scanner for the top-level keys of JSON objects in a text prefix: enough to tell a
 * dataset's record format from its first records without parsing a whole (possibly huge or
 * truncated) file.
 */

/** The JSON type of a value, from its first character. */
export type JsonType = "array" | "string" | "object" | "number" | "boolean" | "null";

/** The top-level keys of one object and the type of each value. */
export type RecordShape = Map<string, JsonType>;

/** Result of scanning one object starting at `start`. */
export interface ObjectScan {
  shape: RecordShape;
  /** Index just past the closing brace, or -1 when the text ended first. */
  end: number;
}

const MAX_DEPTH = 512;

/**
 * Scans the object whose `{` is at `start`, collecting its top-level keys. Nesting deeper than
 * 512 levels, or malformed input, stops the scan (end -1) with the keys seen so far.
 */
export function scanObject(text: string, start: number): ObjectScan {
  const shape: RecordShape = new Map();
  let depth = 0;
  let i = start;
  let expectKey = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const close = stringEnd(text, i);
      if (close < 0) return { shape, end: -1 };
      if (depth === 1 && expectKey) {
        const key = safeJsonString(text.slice(i, close + 1));
        let j = skipSpace(text, close + 1);
        if (text[j] !== ":") return { shape, end: -1 };
        j = skipSpace(text, j + 1);
        if (key !== undefined && j < text.length) {
          const type = typeOf(text[j] ?? "");
          if (type) shape.set(key, type);
        }
        expectKey = false;
        i = j;
        continue;
      }
      i = close + 1;
      continue;
    }
    if (ch === "{" || ch === "[") {
      depth++;
      if (depth > MAX_DEPTH) return { shape, end: -1 };
      expectKey = ch === "{" && depth === 1;
    } else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return { shape, end: i + 1 };
    } else if (ch === "," && depth === 1) {
      expectKey = true;
    }
    i++;
  }
  return { shape, end: -1 };
}

/**
 * The shapes of the first `max` objects of a JSON array that starts at `start` (its `[`).
 * A truncated last object is included when it showed at least one key.
 */
export function scanArrayRecords(text: string, start: number, max: number): { shapes: RecordShape[]; nonObjects: number } {
  const shapes: RecordShape[] = [];
  let nonObjects = 0;
  let i = skipSpace(text, start + 1);
  while (i < text.length && shapes.length + nonObjects < max) {
    const ch = text[i];
    if (ch === "]") break;
    if (ch === ",") {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (ch !== "{") {
      nonObjects++;
      break;
    }
    const scan = scanObject(text, i);
    if (scan.shape.size > 0) shapes.push(scan.shape);
    if (scan.end < 0) break;
    i = skipSpace(text, scan.end);
  }
  return { shapes, nonObjects };
}

/** Index of the first non-whitespace character at or after `i`. */
export function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j] ?? "")) j++;
  return j;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === '"') return i;
  }
  return -1;
}

function safeJsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function typeOf(ch: string): JsonType | undefined {
  if (ch === '"') return "string";
  if (ch === "[") return "array";
  if (ch === "{") return "object";
  if (ch === "t" || ch === "f") return "boolean";
  if (ch === "n") return "null";
  if (ch === "-" || (ch >= "0" && ch <= "9")) return "number";
  return undefined;
}
