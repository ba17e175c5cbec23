/**
 * Safe parsing of YAML and JSON configs into a plain value plus a node tree that knows lines,
 * and key-path selection over it (`a.b`, `a[]`, `*`).
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { parseYamlSafely, valueWithoutAliases, type YamlProblem } from "../safe-yaml.js";

/** A parsed YAML/JSON file: its plain value and a way to find the line of any key path. */
export interface StructuredDoc {
  value: unknown;
  /** Hits for a key path, with 1-based lines of the key and of the value. */
  select(path: string): PathHit[];
}

/** One value found at a key path. */
export interface PathHit {
  value: unknown;
  /** 1-based line of the mapping key that holds the value (or of the list item). */
  keyLine?: number;
  /** 1-based line where the value starts. */
  valueLine?: number;
  /** The mapping key a `*` step last walked through. */
  key?: string;
}

const MAX_ALIASES = 100;

/** A YAML/JSON text read for detection: the document when it reads, else why not and what its keys say. */
export interface StructuredRead {
  /** Null when the text does not parse, nests too deeply or its aliases expand too far; custom tags still read. */
  doc: StructuredDoc | null;
  /** The first reason the text is not plain data (custom tags included), with its line. */
  problem?: YamlProblem;
  /** The value with aliases read as null (recognises a file by its keys without expanding anything). */
  skeleton?: unknown;
}

/**
 * Parses YAML (JSON is YAML 1.2) with alias expansion capped, custom tags unresolved and
 * duplicate keys tolerated; says why when the text cannot be read as data.
 */
export function inspectStructured(text: string): StructuredRead {
  try {
    const { doc, lineCounter, problems, value } = parseYamlSafely(text, { maxAliasCount: MAX_ALIASES });
    const problem = problems[0];
    const readable = !problems.some((p) => p.kind !== "custom-tag");
    if (!readable) return { doc: null, problem, skeleton: valueWithoutAliases(doc) };
    const line = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
    return { doc: { value, select: (path) => select(doc, path, line) }, ...(problem && { problem, skeleton: value }) };
  } catch {
    // Anything the parser itself throws: not a document we can read, with nothing to say where.
    return { doc: null, problem: { kind: "syntax", message: "it could not be parsed" } };
  }
}

/**
 * Parses YAML (JSON is YAML 1.2) with alias expansion capped and duplicate keys tolerated.
 * Returns null when the text does not parse or nests so deeply that the parser gives up.
 */
export function parseStructured(text: string): StructuredDoc | null {
  return inspectStructured(text).doc;
}

type LineOf = (offset: number | undefined) => number | undefined;

interface Cursor {
  node: unknown;
  keyLine?: number;
  key?: string;
}

function select(doc: Document, path: string, line: LineOf): PathHit[] {
  let cursors: Cursor[] = [{ node: doc.contents }];
  for (const raw of splitPath(path)) {
    const iterate = raw.endsWith("[]");
    const key = iterate ? raw.slice(0, -2) : raw;
    const next: Cursor[] = [];
    for (const cursor of cursors) {
      const node = resolveAlias(doc, cursor.node);
      if (key === "*") {
        if (isMap(node)) {
          for (const pair of node.items) next.push({ node: pair.value, keyLine: line(rangeStart(pair.key)), key: keyName(pair.key) });
        }
        continue;
      }
      if (key !== "") {
        if (!isMap(node)) continue;
        const pair = node.items.find((p) => isPair(p) && keyName(p.key) === key);
        if (!pair) continue;
        const child: Cursor = { node: pair.value, keyLine: line(rangeStart(pair.key)), key: cursor.key };
        if (!iterate) {
          next.push(child);
          continue;
        }
        pushItems(doc, child, next, line);
      } else if (iterate) {
        pushItems(doc, cursor, next, line);
      }
    }
    cursors = next;
  }
  return cursors.map((c) => {
    const node = resolveAlias(doc, c.node);
    return { value: plain(node, doc), keyLine: c.keyLine, valueLine: line(rangeStart(node)) ?? c.keyLine, key: c.key };
  });
}

function pushItems(doc: Document, cursor: Cursor, out: Cursor[], line: LineOf): void {
  const node = resolveAlias(doc, cursor.node);
  if (isSeq(node)) {
    for (const item of node.items) out.push({ node: item, keyLine: line(rangeStart(item)) ?? cursor.keyLine, key: cursor.key });
  } else if (node !== null && node !== undefined) {
    out.push(cursor);
  }
}

/** `a.b[].c` → ["a", "b[]", "c"]; a leading `[]` addresses a top-level list. */
function splitPath(path: string): string[] {
  return path.split(".").filter((s) => s.length > 0);
}

function keyName(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as Node).range;
    return range?.[0];
  }
  return undefined;
}

function resolveAlias(doc: Document, node: unknown): unknown {
  if (node && typeof node === "object" && "resolve" in node && typeof node.resolve === "function") {
    try {
      return (node as { resolve(doc: Document): unknown }).resolve(doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

function plain(node: unknown, doc: Document): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  try {
    const json = (node as { toJSON(arg?: unknown, ctx?: unknown): unknown }).toJSON(undefined, {
      anchors: new Map(),
      doc,
      keep: false,
      mapAsMap: false,
      mapKeyWarned: false,
      maxAliasCount: MAX_ALIASES,
    });
    return json;
  } catch {
    return null;
  }
}

/**
 * A StructuredDoc over an already-parsed plain value, without line numbers: the fallback when
 * valid JSON is not valid YAML (tabs, odd escapes).
 */
export function structuredFromValue(value: unknown): StructuredDoc {
  return {
    value,
    select(path) {
      let hits: PathHit[] = [{ value }];
      for (const raw of splitPath(path)) {
        const iterate = raw.endsWith("[]");
        const key = iterate ? raw.slice(0, -2) : raw;
        const next: PathHit[] = [];
        for (const hit of hits) {
          const cur = hit.value;
          let children: PathHit[] = [];
          if (key === "*") {
            if (isPlainRecord(cur)) children = Object.entries(cur).map(([k, v]) => ({ value: v, key: k }));
          } else if (key === "") {
            children = [hit];
          } else if (isPlainRecord(cur) && key in cur) {
            children = [{ value: cur[key], key: hit.key }];
          }
          for (const child of children) {
            if (iterate && Array.isArray(child.value)) next.push(...child.value.map((v: unknown) => ({ value: v, key: child.key })));
            else if (!iterate || (child.value !== null && child.value !== undefined)) next.push(child);
          }
        }
        hits = next;
      }
      return hits;
    },
  };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
