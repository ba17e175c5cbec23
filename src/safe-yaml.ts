/**
 * YAML read as data, never as a program: custom tags stay unresolved, alias expansion is capped,
 * and every reason a text cannot be read is a problem with its line and a fix, not a throw.
 */
import { LineCounter, Scalar, parseDocument, visit, type Document } from "yaml";

/** Why a YAML text was not read as data. */
export interface YamlProblem {
  kind: "syntax" | "custom-tag" | "aliases";
  /** 1-based line, where the problem has one. */
  line?: number;
  /** One sentence that says what is wrong and how to fix it, without the file name. */
  message: string;
}

/** A parsed YAML text. */
export interface SafeYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Empty when the text reads cleanly. */
  problems: YamlProblem[];
  /** The plain value; undefined when a problem stopped it from being built. */
  value: unknown;
}

/** Options of {@link parseYamlSafely}. */
export interface SafeYamlOptions {
  /** Duplicate keys are a syntax problem (default false: tolerated, the last one wins). */
  uniqueKeys?: boolean;
  /** Aliases resolved while building the value before it counts as an expansion attack. */
  maxAliasCount: number;
}

const CORE_TAG_PREFIX = "tag:yaml.org,2002:";

/** `!!python/object/apply:os.system` for `tag:yaml.org,2002:python/object/apply:os.system`. */
function shortTag(message: string): string {
  const tag = /Unresolved tag: (\S+)/.exec(message)?.[1] ?? "";
  return tag.startsWith(CORE_TAG_PREFIX) ? `!!${tag.slice(CORE_TAG_PREFIX.length)}` : tag;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").trim();
}

/**
 * Parses YAML (JSON too) without resolving custom tags and with alias expansion capped. Syntax
 * errors (nesting too deep for the parser among them), custom tags and aliases that expand past
 * `maxAliasCount` come back as problems with their lines.
 */
export function parseYamlSafely(text: string, opts: SafeYamlOptions): SafeYaml {
  const lineCounter = new LineCounter();
  // logLevel "error": the library's warnings about PR content go to doc.warnings, never to the process's stderr.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: opts.uniqueKeys ?? false, prettyErrors: false, logLevel: "error" });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    kind: "syntax",
    line: lineOf(e.pos[0]),
    message:
      e.code === "RESOURCE_EXHAUSTION"
        ? "it nests too deeply to read; flatten the structure"
        : `it is not valid YAML (${firstLine(e.message)}); fix the syntax on that line`,
  }));
  for (const w of doc.warnings) {
    if (w.code !== "TAG_RESOLVE_FAILED") continue;
    problems.push({
      kind: "custom-tag",
      line: lineOf(w.pos[0]),
      message: `custom tag \`${shortTag(w.message)}\` is not resolved (custom tags are not allowed: some YAML loaders build objects or run code from them); use a plain value`,
    });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: opts.maxAliasCount });
    } catch (error) {
      const aliases = /alias/i.test((error as Error).message);
      let first: { source: string; line?: number } | undefined;
      visit(doc, {
        Alias(_key, node) {
          first = { source: node.source, line: lineOf(node.range?.[0]) };
          return visit.BREAK;
        },
      });
      problems.push(
        aliases
          ? {
              kind: "aliases",
              line: first?.line,
              message: `its aliases${first ? ` (first \`*${first.source}\`)` : ""} expand past ${opts.maxAliasCount} copies, the shape of a "billion laughs" attack; write the values out instead of nesting aliases`,
            }
          : { kind: "syntax", message: "it nests too deeply to read; flatten the structure" },
      );
    }
  }
  return { doc, lineCounter, problems, value };
}

/**
 * The value of a document whose aliases are read as null: enough to recognise what a file is
 * (its keys) without expanding anything. Undefined when even that cannot be built.
 */
export function valueWithoutAliases(doc: Document.Parsed): unknown {
  try {
    const copy = doc.clone();
    visit(copy, { Alias: () => new Scalar(null) });
    return copy.toJS({ maxAliasCount: 0 });
  } catch {
    return undefined;
  }
}
