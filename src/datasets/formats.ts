/**
 * Per-format record checks: does a parsed record match its dataset format, and if so what are
 * its input (prompt), its target and its labels.
 */
import { CLASSIFICATION_TEXT_KEYS } from "../classification-columns.js";
import { stripRasaAnnotations } from "./containers.js";

/** The dataset formats `scanDataset` reads. */
export const DATASET_FORMATS = [
  "openai-chat",
  "prompt-completion",
  "alpaca",
  "sharegpt",
  "preference",
  "llamafactory-dpo",
  "classification",
  "rasa-nlu",
  "rasa-nlu-md",
  "text",
  "unknown",
] as const;

/** One of {@link DATASET_FORMATS}. */
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** True when `format` is one `scanDataset` can read. */
export function isDatasetFormat(format: string): format is DatasetFormat {
  return (DATASET_FORMATS as readonly string[]).includes(format);
}

/** What one valid record holds, as the scan needs it. */
export interface ExtractedRecord {
  /** The whole input: system, user and earlier turns / instruction and input / prompt / text. */
  input: string;
  /** The input without system prompts, for near-duplicate signatures (shared system prompts would make every record look alike). */
  signatureInput: string;
  /** Set when `signatureInput` is `input.slice(signatureFrom)`: its keys then come from one pass over the input. */
  signatureFrom?: number;
  /** The final target (last assistant turn, output, completion, chosen); null when the format has none. */
  target: string | null;
  /** Every trained target text (all assistant turns), for business-rule phrases. */
  targetTexts: string[];
  /** Some target turn is empty or whitespace. */
  emptyTarget: boolean;
  /** Characters of one training sequence, for the token estimate. */
  chars: number;
  /** Labels, for labelled formats. */
  labels: string[];
  /**
   * A defect of content the format's shape allows (an instruction that refers to an input that is
   * not there): reported as a format issue, while the record is still read like any other, so its
   * secrets, duplicates and labels are found too.
   */
  defect?: string;
}

/** A record that does not match its format: the message says why. */
export interface FormatMismatch {
  error: string;
}

type Role = "system" | "user" | "assistant" | "tool";

interface Turn {
  role: Role;
  text: string;
  /** An assistant turn that only calls tools (no text expected). */
  toolCall: boolean;
  /** An OpenAI assistant turn with `weight: 0`: in the context, not trained. */
  untrained?: boolean;
}

const OPENAI_ROLES: Record<string, Role> = {
  system: "system",
  developer: "system",
  user: "user",
  assistant: "assistant",
  tool: "tool",
  function: "tool",
};

const SHAREGPT_ROLES: Record<string, Role> = {
  system: "system",
  human: "user",
  user: "user",
  gpt: "assistant",
  assistant: "assistant",
  chatgpt: "assistant",
  bard: "assistant",
  bing: "assistant",
  model: "assistant",
  function_call: "assistant",
  observation: "tool",
  tool: "tool",
  function: "tool",
};

/** A JSON object (not null, not a list). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text of a message content: a string, or parts `{type:"text", text}` / `{type:"text", value}`. */
function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  for (const part of content) {
    if (typeof part === "string") texts.push(part);
    else if (isObject(part)) {
      const t = part["text"] ?? part["value"];
      if (typeof t === "string") texts.push(t);
      else if (part["type"] === "text") return null;
    } else return null;
  }
  return texts.join("\n");
}

interface MessageKeys {
  role: string;
  content: string;
  roles: Record<string, Role>;
}

const OPENAI_KEYS: MessageKeys = { role: "role", content: "content", roles: OPENAI_ROLES };
const SHAREGPT_KEYS: MessageKeys = { role: "from", content: "value", roles: SHAREGPT_ROLES };

function readTurns(list: unknown, keys: MessageKeys, what: string): Turn[] | FormatMismatch {
  if (!Array.isArray(list)) return { error: `"${what}" is not a list` };
  const turns: Turn[] = [];
  for (let i = 0; i < list.length; i++) {
    const m: unknown = list[i];
    const n = i + 1;
    const label = what === "messages" ? `message ${n}` : what === "conversations" ? `turn ${n}` : `"${what}" message ${n}`;
    if (!isObject(m)) return { error: `${label} is not an object` };
    // ShareGPT files written with OpenAI keys (role/content) are common enough to accept.
    const roleKey = keys.role in m ? keys.role : "role" in m ? "role" : keys.role;
    const contentKey = keys.content in m ? keys.content : "content" in m ? "content" : keys.content;
    const rawRole = m[roleKey];
    if (typeof rawRole !== "string") return { error: `${label} has no "${keys.role}"` };
    const role = keys.roles[rawRole] ?? OPENAI_ROLES[rawRole] ?? SHAREGPT_ROLES[rawRole];
    if (!role || (keys === OPENAI_KEYS && !(rawRole in OPENAI_ROLES))) {
      return { error: `${label} has ${keys.role} ${quoted(rawRole)}` };
    }
    // The OpenAI SDK writes `"tool_calls": null` / `"function_call": null` on plain text turns.
    const calls = keys === OPENAI_KEYS ? openaiToolCalls(m, label, role) : null;
    if (isMismatch(calls)) return calls;
    const weight = keys === OPENAI_KEYS ? m["weight"] : undefined;
    if (weight !== undefined && weight !== null) {
      if (role !== "assistant") return { error: `${label} has "weight" but only assistant messages take one` };
      if (weight !== 0 && weight !== 1) return { error: `${label} "weight" is ${shown(JSON.stringify(weight))}, not 0 or 1` };
    }
    const untrained = weight === 0 ? { untrained: true } : {};
    const toolCall = rawRole === "function_call" || (calls !== null && calls !== "");
    const raw = m[contentKey];
    if (raw === undefined || raw === null) {
      if (toolCall && role === "assistant") {
        turns.push({ role, text: calls ?? "", toolCall: true, ...untrained });
        continue;
      }
      return { error: `${label} has no "${keys.content}"` };
    }
    const text = contentText(raw);
    if (text === null) return { error: `${label} "${keys.content}" is not text` };
    turns.push({ role, text: calls ? joinTexts([text, calls]) : text, toolCall, ...untrained });
  }
  return turns;
}

/**
 * The calls of an OpenAI assistant turn (`tool_calls` list or legacy `function_call`) as the text
 * the model is trained to write; "" when it calls nothing; a mismatch for shapes OpenAI rejects.
 */
function openaiToolCalls(m: Record<string, unknown>, label: string, role: Role): string | FormatMismatch {
  const toolCalls = m["tool_calls"];
  const functionCall = m["function_call"];
  const list: unknown[] = [];
  if (toolCalls !== undefined && toolCalls !== null) {
    if (!Array.isArray(toolCalls)) return { error: `${label} "tool_calls" is not a list` };
    for (const [i, call] of toolCalls.entries()) {
      if (!isObject(call) || !isObject(call["function"])) return { error: `${label} tool call ${i + 1} has no "function"` };
      list.push(call["function"]);
    }
  }
  if (functionCall !== undefined && functionCall !== null) {
    if (!isObject(functionCall)) return { error: `${label} "function_call" is not an object` };
    list.push(functionCall);
  }
  if (list.length === 0) return "";
  if (role !== "assistant") return { error: `${label} calls a tool but only assistant messages can` };
  const texts: string[] = [];
  for (const [i, f] of list.entries()) {
    const fn = f as Record<string, unknown>;
    if (typeof fn["name"] !== "string" || fn["name"] === "") return { error: `${label} tool call ${i + 1} has no function "name"` };
    if (typeof fn["arguments"] !== "string") return { error: `${label} tool call ${i + 1} "arguments" is not a JSON string` };
    texts.push(`${fn["name"]}(${fn["arguments"]})`);
  }
  return texts.join("\n");
}

/**
 * A record's value as a message quotes it: whole when short, else only its length. A cut value
 * would flood no report, but a cut secret is one the masking no longer recognises.
 */
function quoted(value: string): string {
  return value.length <= 40 ? `"${value}"` : shown(value);
}

/** {@link quoted} for a value already written as JSON. */
function shown(json: string): string {
  return json.length <= 40 ? json : `of ${json.length} characters`;
}

function joinTexts(texts: string[]): string {
  return texts.filter((t) => t.length > 0).join("\n");
}

/** Splits turns at the last assistant turn into input and target. */
function fromTurns(turns: Turn[], system: string[] = []): ExtractedRecord | FormatMismatch {
  let last = -1;
  for (let i = turns.length - 1; i >= 0; i--) {
    if (turns[i]!.role === "assistant" && !turns[i]!.toolCall && !turns[i]!.untrained) {
      last = i;
      break;
    }
  }
  // A function-calling example may end on the call itself: that call is then what is trained.
  if (last < 0)
    for (let i = turns.length - 1; i >= 0; i--)
      if (turns[i]!.role === "assistant" && !turns[i]!.untrained && turns[i]!.text !== "") {
        last = i;
        break;
      }
  if (last < 0) return { error: turns.some((t) => t.role === "assistant") ? "no assistant message with weight 1" : "no assistant message" };
  // One loop instead of filter/map chains: this runs once per record of every chat dataset. The
  // texts are joined, not concatenated with `+`: reading a concatenation character by character
  // (as the hashing does) costs about twice as much as reading a flat string.
  const inputs: string[] = [];
  const others: string[] = [];
  let chars = 0;
  for (const text of system) {
    chars += text.length;
    if (text !== "") inputs.push(text);
  }
  // System turns first (the usual layout): the signature text is then the input's tail.
  let tail = true;
  let seenOther = false;
  for (let i = 0; i < last; i++) {
    const t = turns[i]!;
    if (t.role === "system") tail &&= !seenOther;
    else {
      seenOther = true;
      if (t.text !== "") others.push(t.text);
    }
    if (t.text !== "") inputs.push(t.text);
  }
  const input = inputs.length === 1 ? inputs[0]! : inputs.join("\n");
  let signatureInput = others.length === inputs.length ? input : others.length === 1 ? others[0]! : others.join("\n");
  if (signatureInput === "") signatureInput = input;
  const targetTexts: string[] = [];
  let emptyTarget = false;
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    chars += t.text.length;
    if (t.role === "assistant" && !t.untrained && (!t.toolCall || i === last)) {
      targetTexts.push(t.text);
      if (t.text.trim() === "") emptyTarget = true;
    }
  }
  return {
    input,
    signatureInput,
    ...(tail && { signatureFrom: input.length - signatureInput.length }),
    target: turns[last]!.text,
    targetTexts,
    emptyTarget,
    chars,
    labels: [],
  };
}

function requireString(v: Record<string, unknown>, key: string, optional = false): string | FormatMismatch {
  const value = v[key];
  if (value === undefined || value === null) return optional ? "" : { error: `missing "${key}"` };
  if (typeof value !== "string") return { error: `"${key}" is not a string` };
  return value;
}

function isMismatch(v: unknown): v is FormatMismatch {
  return isObject(v) && typeof v["error"] === "string";
}

function simple(input: string, target: string, signatureInput = input): ExtractedRecord {
  return {
    input,
    signatureInput: signatureInput || input,
    target,
    targetTexts: [target],
    emptyTarget: target.trim() === "",
    chars: input.length + target.length,
    labels: [],
  };
}

function openaiChat(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  if (!("messages" in v)) return { error: 'missing "messages"' };
  const tools = v["tools"] ?? v["functions"];
  if (tools !== undefined && tools !== null) {
    const key = v["tools"] !== undefined && v["tools"] !== null ? "tools" : "functions";
    if (!Array.isArray(tools)) return { error: `"${key}" is not a list` };
    for (const [i, t] of (tools as unknown[]).entries()) {
      const fn = isObject(t) && isObject(t["function"]) ? t["function"] : t;
      if (!isObject(fn) || typeof fn["name"] !== "string") return { error: `"${key}" item ${i + 1} has no function "name"` };
    }
  }
  const parallel = v["parallel_tool_calls"];
  if (parallel !== undefined && parallel !== null && typeof parallel !== "boolean") return { error: '"parallel_tool_calls" is not true or false' };
  const turns = readTurns(v["messages"], OPENAI_KEYS, "messages");
  return isMismatch(turns) ? turns : fromTurns(turns);
}

function promptCompletion(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const prompt = requireString(v, "prompt");
  if (isMismatch(prompt)) return prompt;
  const completion = requireString(v, "completion");
  if (isMismatch(completion)) return completion;
  return simple(prompt, completion);
}

// Defects the AlpacaDataCleaned project found in the original Alpaca data that need no model to see.
const MISSING_INPUT =
  /\b(?:the|this) (?:following|given|provided|attached|above|below) (?:article|text|passage|paragraph|sentence|table|image|picture|photo|chart|graph|link|url|website|web ?page|code|poem|story|list|data|email|document|video|audio|tweet|song|essay)\b/i;
const INLINE_CONTENT = /[:\n"“]\s*\S+(?:\s+\S+){2,}/;
const URL_ONLY = /^\s*<?https?:\/\/\S+>?\s*$/i;
/** Targets that stand for a missing answer (`<No Output>`, `N/A`, `<noinput>`). */
export const PLACEHOLDER_TARGET = /^\s*(?:<\s*no ?(?:output|input|answer)\s*>|<\s*noinput\s*>|n\/a|none|null|no output|<\s*nooutput\s*>)\s*\.?\s*$/i;

function alpaca(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const instruction = requireString(v, "instruction");
  if (isMismatch(instruction)) return instruction;
  const input = requireString(v, "input", true);
  if (isMismatch(input)) return input;
  const output = requireString(v, "output");
  if (isMismatch(output)) return output;
  let defect: string | undefined;
  if (input.trim() === "") {
    const ref = MISSING_INPUT.exec(instruction);
    if (ref && !INLINE_CONTENT.test(instruction.slice(ref.index + ref[0].length))) defect = `"instruction" refers to "${ref[0]}" but "input" is empty`;
  } else if (URL_ONLY.test(input)) {
    defect = '"input" is only a URL: the model sees the address, not the content';
  }
  const system = requireString(v, "system", true);
  if (isMismatch(system)) return system;
  const history: string[] = [];
  const historyAnswers: string[] = [];
  if (v["history"] !== undefined && v["history"] !== null) {
    if (!Array.isArray(v["history"])) return { error: '"history" is not a list' };
    for (const [i, pair] of (v["history"] as unknown[]).entries()) {
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((p) => typeof p !== "string")) {
        return { error: `"history" item ${i + 1} is not a [question, answer] pair` };
      }
      history.push(pair[0] as string, pair[1] as string);
      historyAnswers.push(pair[1] as string);
    }
  }
  const sigInput = joinTexts([...history, instruction, input]);
  const record = simple(joinTexts([system, sigInput]), output, sigInput);
  record.signatureFrom = system !== "" && sigInput !== "" ? record.input.length - sigInput.length : 0;
  record.targetTexts = [...historyAnswers, output];
  record.emptyTarget = record.targetTexts.some((t) => t.trim() === "" || PLACEHOLDER_TARGET.test(t));
  if (defect !== undefined) record.defect = defect;
  // The history is in the input already (sigInput), so its characters are counted once.
  return record;
}

function sharegpt(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const key = "conversations" in v ? "conversations" : "messages" in v ? "messages" : null;
  if (!key) return { error: 'missing "conversations"' };
  const turns = readTurns(v[key], SHAREGPT_KEYS, key === "messages" ? "messages" : "conversations");
  if (isMismatch(turns)) return turns;
  const system = typeof v["system"] === "string" ? [v["system"]] : [];
  return fromTurns(turns, system);
}

/** A preference side: a string, a message list, or one message object. */
function preferenceSide(v: unknown, name: string): Turn[] | string | FormatMismatch {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) {
    const first: unknown = v[0];
    const keys = isObject(first) && "from" in first ? SHAREGPT_KEYS : OPENAI_KEYS;
    const turns = readTurns(v, keys, name);
    return turns;
  }
  if (isObject(v)) {
    const keys = "from" in v ? SHAREGPT_KEYS : OPENAI_KEYS;
    return readTurns([v], keys, name);
  }
  return { error: v === undefined || v === null ? `missing "${name}"` : `"${name}" is not text or a message list` };
}

function sideTarget(side: Turn[] | string, name: string): { context: Turn[]; target: string } | FormatMismatch {
  if (typeof side === "string") return { context: [], target: side };
  let last = -1;
  for (let i = side.length - 1; i >= 0; i--)
    if (side[i]!.role === "assistant") {
      last = i;
      break;
    }
  if (last < 0) return { error: `"${name}" has no assistant message` };
  return { context: side.slice(0, last), target: side[last]!.text };
}

function preference(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  if ("chosen_messages" in v || "rejected_messages" in v) return llamafactoryDpo(v);
  const chosen = preferenceSide(v["chosen"], "chosen");
  if (isMismatch(chosen)) return chosen;
  const rejected = preferenceSide(v["rejected"], "rejected");
  if (isMismatch(rejected)) return rejected;
  const c = sideTarget(chosen, "chosen");
  if (isMismatch(c)) return c;
  const r = sideTarget(rejected, "rejected");
  if (isMismatch(r)) return r;
  const system = typeof v["system"] === "string" ? v["system"] : "";
  let promptTurns: Turn[] = [];
  let promptText = "";
  const promptSource = ["prompt", "question", "conversations", "messages"].find((k) => v[k] !== undefined && v[k] !== null);
  if (promptSource) {
    const p = v[promptSource];
    if (typeof p === "string") promptText = p;
    else {
      const first: unknown = Array.isArray(p) ? p[0] : undefined;
      const turns = readTurns(p, isObject(first) && "from" in first ? SHAREGPT_KEYS : OPENAI_KEYS, promptSource);
      if (isMismatch(turns)) return turns;
      promptTurns = turns;
    }
  } else if (typeof v["instruction"] === "string") {
    promptText = joinTexts([v["instruction"], typeof v["input"] === "string" ? v["input"] : ""]);
  } else {
    promptTurns = c.context; // implicit prompt: the turns before the chosen answer
  }
  const userText = joinTexts([promptText, ...promptTurns.filter((t) => t.role !== "system").map((t) => t.text)]);
  const input = joinTexts([system, promptText, ...promptTurns.map((t) => t.text)]);
  const record = simple(input, c.target, userText);
  record.chars = input.length + Math.max(c.target.length, r.target.length);
  return record;
}

function llamafactoryDpo(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  for (const key of ["chosen_messages", "rejected_messages"]) {
    if (!(key in v)) return { error: `missing "${key}"` };
  }
  const chosen = readTurns(v["chosen_messages"], OPENAI_KEYS, "chosen_messages");
  if (isMismatch(chosen)) return chosen;
  const rejected = readTurns(v["rejected_messages"], OPENAI_KEYS, "rejected_messages");
  if (isMismatch(rejected)) return rejected;
  const c = fromTurns(chosen);
  if (isMismatch(c)) return { error: '"chosen_messages" has no assistant message' };
  const r = fromTurns(rejected);
  if (isMismatch(r)) return { error: '"rejected_messages" has no assistant message' };
  c.chars = Math.max(c.chars, r.chars);
  return c;
}

const LABEL_KEYS = ["label", "labels", "intent", "category", "class", "sentiment", "topic", "tag", "target"];

/** The record's key for the first of `names` it has; CSV headers keep their case (`Text`, `Label`). */
function findKey(v: Record<string, unknown>, names: readonly string[]): string | undefined {
  const exact = names.find((k) => k in v);
  if (exact !== undefined) return exact;
  const keys = Object.keys(v);
  for (const name of names) {
    const key = keys.find((k) => k.trim().toLowerCase() === name);
    if (key !== undefined) return key;
  }
  return undefined;
}

function classification(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const textKey = findKey(v, CLASSIFICATION_TEXT_KEYS);
  if (!textKey) return { error: 'missing "text"' };
  const text = v[textKey];
  if (typeof text !== "string") return { error: `"${textKey}" is not a string` };
  if (text.trim() === "") return { error: `empty "${textKey}"` };
  // A two-column record with a text column and another one: detection found that column to hold labels by content.
  const keys = Object.keys(v);
  const labelKey = findKey(v, LABEL_KEYS) ?? (keys.length === 2 ? keys.find((k) => k !== textKey) : undefined);
  if (!labelKey) return { error: 'missing "label"' };
  const raw = v[labelKey];
  const values = Array.isArray(raw) ? raw : [raw];
  const labels: string[] = [];
  for (const l of values) {
    if (typeof l === "string" && l.trim() !== "") labels.push(l.trim());
    else if (typeof l === "number" || typeof l === "boolean") labels.push(String(l));
    else return { error: `empty or invalid "${labelKey}"` };
  }
  if (labels.length === 0) return { error: `empty "${labelKey}"` };
  return { ...unlabelled(text), labels };
}

function rasa(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const text = v["text"];
  const label = v["label"];
  if (typeof text !== "string" || typeof label !== "string") return { error: "not a Rasa example" };
  return { ...unlabelled(stripRasaAnnotations(text)), labels: [label] };
}

function unlabelled(text: string): ExtractedRecord {
  return { input: text, signatureInput: text, target: null, targetTexts: [], emptyTarget: false, chars: text.length, labels: [] };
}

function plainText(v: Record<string, unknown>): ExtractedRecord | FormatMismatch {
  const text = requireString(v, "text");
  return isMismatch(text) ? text : unlabelled(text);
}

/** Checks one parsed record against its format; returns what the scan needs, or why it does not match. */
export function extractRecord(format: DatasetFormat, value: unknown): ExtractedRecord | FormatMismatch {
  if (!isObject(value)) return { error: "record is not a JSON object" };
  switch (format) {
    case "openai-chat":
      return openaiChat(value);
    case "prompt-completion":
      return promptCompletion(value);
    case "alpaca":
      return alpaca(value);
    case "sharegpt":
      return sharegpt(value);
    case "preference":
      return preference(value);
    case "llamafactory-dpo":
      return llamafactoryDpo(value);
    case "classification":
      return classification(value);
    case "rasa-nlu":
    case "rasa-nlu-md":
      return rasa(value);
    case "text":
      return plainText(value);
    case "unknown":
      // Not a known shape: only parsing, encoding, secrets and exact/near duplicates apply.
      return unlabelled(stringLeaves(value).join("\n"));
  }
}

/**
 * Every string value in a record; with `keys`, its object keys too (data keyed by an email or a
 * token is still that data, so the secret and PII scan reads them).
 */
export function stringLeaves(value: unknown, keys = false, out: string[] = [], depth = 0): string[] {
  if (typeof value === "string") out.push(value);
  else if (depth < 32 && Array.isArray(value)) for (const v of value) stringLeaves(v, keys, out, depth + 1);
  else if (depth < 32 && isObject(value))
    for (const [k, v] of Object.entries(value)) {
      if (keys) out.push(k);
      stringLeaves(v, keys, out, depth + 1);
    }
  return out;
}

/**
 * The trained texts of a valid record, for counting its tokens: one text per message for chat
 * formats (so per-message overhead can be added), else its input and target. Only sampled
 * records come here, after {@link extractRecord} accepted them.
 */
export function sequenceTexts(format: DatasetFormat, value: unknown, record: ExtractedRecord): string[] {
  if ((format === "openai-chat" || format === "sharegpt") && isObject(value)) {
    const key = format === "openai-chat" ? "messages" : "conversations" in value ? "conversations" : "messages";
    const turns = readTurns(value[key], format === "openai-chat" ? OPENAI_KEYS : SHAREGPT_KEYS, format === "openai-chat" ? "messages" : key);
    if (!isMismatch(turns)) return [...(format === "sharegpt" && typeof value["system"] === "string" ? [value["system"]] : []), ...turns.map((t) => t.text)];
  }
  return record.target === null ? [record.input] : [record.input, record.target];
}
