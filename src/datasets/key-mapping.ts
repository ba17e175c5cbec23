/**
 * Reads a record through a dataset registry entry's key mapping (LLaMA-Factory `dataset_info.json`
 * `columns` and `tags`): the record is rewritten under the keys the format's reader expects, and
 * what the reader says about it is said again in the entry's key names.
 */
import type { KeyMapping } from "../types.js";
import { isObject, type DatasetFormat, type FormatMismatch } from "./formats.js";

/** The key each column role is read from when the entry does not rename it (LLaMA-Factory's defaults; `system`/`history` as the readers take them). */
const COLUMN_DEFAULTS: Readonly<Record<string, string>> = {
  prompt: "instruction",
  query: "input",
  response: "output",
  history: "history",
  messages: "conversations",
  system: "system",
  chosen: "chosen",
  rejected: "rejected",
};

/** The role value each tag stands for in the ShareGPT reader, and the tag's default. */
const ROLE_TAGS: readonly (readonly [tag: string, canonical: string])[] = [
  ["user_tag", "human"],
  ["assistant_tag", "gpt"],
  ["observation_tag", "observation"],
  ["function_tag", "function_call"],
  ["system_tag", "system"],
];

/** The column roles each reading takes, required ones first. */
function rolesOf(format: DatasetFormat, mapping: KeyMapping): { required: string[]; optional: string[] } {
  if (format === "text") return { required: ["prompt"], optional: [] };
  const chat = mapping.formatting !== "alpaca";
  if (format === "preference") {
    return chat
      ? { required: ["messages", "chosen", "rejected"], optional: ["system"] }
      : { required: ["prompt", "chosen", "rejected"], optional: ["query", "system"] };
  }
  return chat ? { required: ["messages"], optional: ["system"] } : { required: ["prompt", "response"], optional: ["query", "system", "history"] };
}

function columnKey(mapping: KeyMapping, role: string): string {
  return mapping.columns[role] ?? COLUMN_DEFAULTS[role]!;
}

function tagKey(mapping: KeyMapping, tag: "role_tag" | "content_tag"): string {
  return mapping.tags[tag] ?? (tag === "role_tag" ? "from" : "value");
}

/** `data/dataset_info.json entry "qa"`, for messages. */
function where(mapping: KeyMapping): string {
  return `${mapping.registry} entry "${mapping.entry}"`;
}

/**
 * The record rewritten under the keys `format`'s reader takes (see `extractRecord`), or why it
 * does not match the entry: a required key the entry renames is missing, or a turn's role is not
 * one of the entry's tags.
 */
export function applyKeyMapping(format: DatasetFormat, value: unknown, mapping: KeyMapping): { record: Record<string, unknown> } | FormatMismatch {
  if (!isObject(value)) return { error: "record is not a JSON object" };
  const { required, optional } = rolesOf(format, mapping);
  const out: Record<string, unknown> = {};
  for (const role of [...required, ...optional]) {
    const key = columnKey(mapping, role);
    const v = value[key];
    if (v === undefined || v === null) {
      if (required.includes(role) && key !== COLUMN_DEFAULTS[role]) return { error: `record has no "${key}" (${where(mapping)} maps "${role}" to it)` };
      continue;
    }
    out[format === "text" ? "text" : COLUMN_DEFAULTS[role]!] = v;
  }
  // Without `tags` the turns already use the reader's keys (and it accepts the usual role names).
  if (mapping.formatting === "alpaca" || Object.keys(mapping.tags).length === 0) return { record: out };
  for (const role of ["messages", "chosen", "rejected"]) {
    const canonical = COLUMN_DEFAULTS[role]!;
    const v = out[canonical];
    const label = role === "messages" ? "turn" : `"${columnKey(mapping, role)}" message`;
    if (Array.isArray(v)) {
      const turns = mapTurns(v, mapping, label);
      if (!Array.isArray(turns)) return turns;
      out[canonical] = turns;
    } else if (isObject(v)) {
      const turns = mapTurns([v], mapping, label);
      if (!Array.isArray(turns)) return turns;
      out[canonical] = turns[0];
    }
  }
  return { record: out };
}

/**
 * Turns under the reader's `from`/`value` keys and role values. Only the entry's tags are read, as
 * LLaMA-Factory does: a role value its tags do not name is a mismatch.
 */
function mapTurns(list: unknown[], mapping: KeyMapping, label: string): unknown[] | FormatMismatch {
  const roleKey = tagKey(mapping, "role_tag");
  const contentKey = tagKey(mapping, "content_tag");
  const roles = new Map<string, string>(ROLE_TAGS.map(([tag, canonical]) => [mapping.tags[tag] ?? canonical, canonical]));
  const out: unknown[] = [];
  for (const [i, m] of list.entries()) {
    if (!isObject(m)) {
      out.push(m);
      continue;
    }
    const turn: Record<string, unknown> = {};
    const role = m[roleKey];
    if (role !== undefined && role !== null) {
      const canonical = typeof role === "string" ? roles.get(role) : undefined;
      if (canonical === undefined) {
        const named = [...roles.keys()].map((r) => JSON.stringify(r)).join(", ");
        return { error: `${label} ${i + 1} has ${roleKey} ${JSON.stringify(role)}, which is none of the roles ${where(mapping)} names (${named})` };
      }
      turn["from"] = canonical;
    }
    if (m[contentKey] !== undefined) turn["value"] = m[contentKey];
    out.push(turn);
  }
  return out;
}

/**
 * A reader's message about a rewritten record, in the entry's key names: `missing "output"`
 * becomes `missing "answer"` when the entry maps `response` to `answer`.
 */
export function mappedError(message: string, format: DatasetFormat, mapping: KeyMapping): string {
  const renames = new Map<string, string>();
  if (format === "text" && mapping.columns["prompt"] !== undefined) renames.set("text", mapping.columns["prompt"]);
  for (const [role, canonical] of Object.entries(COLUMN_DEFAULTS)) {
    const key = mapping.columns[role];
    if (key !== undefined && key !== canonical) renames.set(canonical, key);
  }
  if (mapping.formatting !== "alpaca") {
    const roleKey = tagKey(mapping, "role_tag");
    const contentKey = tagKey(mapping, "content_tag");
    if (roleKey !== "from") renames.set("from", roleKey);
    if (contentKey !== "value") renames.set("value", contentKey);
  }
  if (renames.size === 0) return message;
  // One pass, so a key renamed to another canonical name is not renamed twice.
  return message.replace(/"([^"]*)"|\bhas from\b/g, (whole, quoted: string | undefined) => {
    if (quoted === undefined) return renames.has("from") ? `has ${renames.get("from")!}` : whole;
    const key = renames.get(quoted);
    return key === undefined ? whole : JSON.stringify(key);
  });
}
