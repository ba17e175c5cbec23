/**
 * Secret/PII detection and business-rule phrases in record text. The patterns are data (a rule's
 * YAML lexicon); this module compiles them, adds the checks a regex cannot do (Luhn, phone metadata), and masks
 * every value so no output ever carries it.
 */
import type { ScanLexicon, SensitiveHit } from "../types.js";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/core";
// The metadata as a JS module: the package's own `max` entry imports JSON, which Jest warns about.
import metadata from "libphonenumber-js/max/metadata";
import { GateSet } from "./regex-gate.js";

export type { ScanLexicon, SensitivePattern } from "../types.js";

/** A compiled secret or PII pattern. */
export interface CompiledSensitive {
  kind: string;
  secret: boolean;
  regex: RegExp;
}

/** A lexicon with its regexes compiled once per scan. */
export interface CompiledLexicon {
  sensitive: CompiledSensitive[];
  businessRules: RegExp[];
  /** Which `sensitive` patterns can match in a text (absent: all are run). */
  sensitiveGates?: GateSet;
  /**
   * True when `sensitiveGates` may read a record's JSON text for its strings: none of its tests
   * needs a character JSON escapes (a `\u` escape, which can spell any, is checked per record).
   */
  sensitiveGateReadsJson?: boolean;
  /** Which `businessRules` can match in a text (absent: all are run). */
  businessGates?: GateSet;
  /**
   * All of `businessRules` as one alternation (absent when a pattern has back-references or
   * groups that could clash): its leftmost match is the phrase the patterns one by one give.
   */
  businessAny?: RegExp;
}

/** Compiles a lexicon; throws naming the pattern when a regex is invalid. */
export function compileLexicon(lexicon: ScanLexicon): CompiledLexicon {
  const compile = (source: string, flags: string, what: string): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (err) {
      throw new Error(`invalid ${what} pattern /${source}/: ${(err as Error).message}`);
    }
  };
  // Secrets first: where a secret and a PII pattern overlap, the secret is the finding.
  const ordered = [...lexicon.sensitive].sort((a, b) => Number(b.secret) - Number(a.secret));
  const sensitive = ordered.map((p) => ({
    kind: p.kind,
    secret: p.secret,
    regex: compile(p.regex, `${(p.flags ?? "").replace(/g/g, "")}g`, p.kind),
  }));
  const businessRules = lexicon.businessRules.map((s) => compile(s, "i", "business-rule"));
  const businessAny = combine(lexicon.businessRules);
  const sensitiveGates = new GateSet(sensitive.map((p) => p.regex));
  return {
    sensitive,
    businessRules,
    sensitiveGates,
    sensitiveGateReadsJson: !sensitiveGates.reliesOn(JSON_ESCAPED),
    businessGates: new GateSet(businessRules),
    ...(businessAny && { businessAny }),
  };
}

/** The characters JSON text may write as escapes other than `\u` (and `/`, which it may escape). */
const JSON_ESCAPED = `"\\/${Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join("")}`;

/**
 * The patterns as one case-insensitive alternation, or null when one refers to a group. Patterns
 * in a row that start with `\b` share one test of it, `\b(?:(?:a)|(?:b))`: V8 would otherwise test
 * it once per pattern at every position, and the order in which alternatives are tried is the same.
 */
function combine(sources: readonly string[]): RegExp | null {
  if (sources.length === 0 || sources.some((s) => /\\[1-9k]|\(\?<[^=!]/.test(s))) return null;
  const alternatives: string[] = [];
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length > 0) alternatives.push(`\\b(?:${run.join("|")})`);
    run = [];
  };
  for (const s of sources) {
    if (s.startsWith("\\b") && !hasTopLevelBar(s)) run.push(`(?:${s.slice(2)})`);
    else {
      endRun();
      alternatives.push(`(?:${s})`);
    }
  }
  endRun();
  try {
    return new RegExp(alternatives.join("|"), "i");
  } catch {
    return null;
  }
}

/** Whether a regex source is an alternation at its top level (`a|b`, not `(a|b)` or `[|]`). */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

const NO_PATTERNS: CompiledSensitive[] = [];
// Scratch marks for gate results: one scan runs at a time (all of this is synchronous).
let marks = new Uint8Array(32);

function gateMarks(gates: GateSet, text: string, count: number): Uint8Array {
  if (marks.length < count) marks = new Uint8Array(count);
  const view = marks.subarray(0, count);
  gates.candidates(text, view);
  return view;
}

/**
 * The sensitive patterns that can match somewhere in `text` (all of them when no gates are
 * known). Testing a record's strings joined for this first spares running every pattern on
 * every string: most records contain none of the literals a secret or PII value needs.
 */
export function sensitiveCandidates(text: string, lexicon: CompiledLexicon): CompiledSensitive[] {
  if (!lexicon.sensitiveGates) return lexicon.sensitive;
  const m = gateMarks(lexicon.sensitiveGates, text, lexicon.sensitive.length);
  let out: CompiledSensitive[] | null = null;
  for (let i = 0; i < m.length; i++) if (m[i]) (out ??= []).push(lexicon.sensitive[i]!);
  return out ?? NO_PATTERNS;
}

/** Where a national number (no `+`) with a trunk 0 is most likely from; others are read as North American. */
const TRUNK_ZERO_COUNTRIES: readonly CountryCode[] = ["GB", "DE", "FR", "IT", "ES", "NL", "AU", "IN"];

/**
 * True when a phone candidate from the lexicon's fast regex is a dialable number by the
 * libphonenumber metadata: international with `+`, else national for a likely country.
 */
export function phoneValid(value: string): boolean {
  if (value.trimStart().startsWith("+")) return parsePhoneNumberFromString(value, metadata)?.isValid() ?? false;
  const countries = /^\(?0/.test(value.trimStart()) ? TRUNK_ZERO_COUNTRIES : (["US"] as const);
  return countries.some((c) => parsePhoneNumberFromString(value, c, metadata)?.isValid() ?? false);
}

// Domains reserved for documentation (RFC 2606, RFC 6761): no mailbox there belongs to anyone.
const PLACEHOLDER_EMAIL = /@(?:[^@\s]+\.)?(?:example\.(?:com|net|org)|[^@\s.]+\.(?:example|test|invalid|localhost))$/i;
// Numbers reserved for fiction: North American 555 exchanges (555-0100..0199 by the NANPA, the
// rest by long use in films and samples) and Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx,
// 01632 960xxx, 0113-0191 496/498 0xxx), written nationally or with +1 / +44.
const PLACEHOLDER_PHONE = [/^(?:1)?\d{3}555\d{4}$/, /^(?:44|0)(?:7700900\d{3}|2079460\d{3}|1632960\d{3}|1[1-9]1(?:496|498)0\d{3}|11[3-8]4960\d{3})$/];

/**
 * True when an email or phone value is one reserved for examples and fiction (`jane@example.com`,
 * `(555) 010-0199`, `07700 900123`): sample data, not a person's contact details.
 */
export function placeholderContact(value: string, kind: string): boolean {
  if (kind === "email") return PLACEHOLDER_EMAIL.test(value.trim());
  if (kind !== "phone") return false;
  const digits = value.replace(/\D/g, "");
  return PLACEHOLDER_PHONE.some((re) => re.test(digits));
}

/** True when the digits of `value` (separators ignored) form a 13-19 digit number passing the Luhn check. */
export function luhnValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{13,19}$/.test(digits)) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A value reduced to a short prefix and its kind, e.g. `sk-p… (openai-api-key)`, `j***@… (email)`.
 * The prefix is at most 4 characters and at most a third of the value, so it never reveals it.
 */
export function maskValue(value: string, kind: string): string {
  if (kind === "email" && value.includes("@")) return `${[...value][0] ?? ""}***@… (${kind})`;
  const chars = [...value.trim()];
  const keep = Math.min(4, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join("")}… (${kind})`;
}

/**
 * Secret and PII values in one text, masked; overlapping matches count once (secrets win).
 * `patterns` narrows the search to some of the lexicon's (see {@link sensitiveCandidates}).
 */
export function findSensitive(
  text: string,
  line: number,
  lexicon: CompiledLexicon,
  patterns: readonly CompiledSensitive[] = lexicon.sensitive,
): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  if (patterns.length === 0) return hits;
  const taken: Array<[number, number]> = [];
  for (const p of patterns) {
    // exec with lastIndex, not matchAll: matchAll clones the regex on every call, per text.
    const re = p.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const value = m[0];
      if (value.length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + value.length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (p.kind === "card-number" && !luhnValid(value)) continue;
      if (p.kind === "phone" && !phoneValid(value)) continue;
      taken.push([start, end]);
      const hit: SensitiveHit = { line, kind: p.kind, secret: p.secret, masked: maskValue(value, p.kind) };
      if (!p.secret && placeholderContact(value, p.kind)) hit.placeholder = true;
      hits.push(hit);
    }
  }
  return hits;
}

/** The first business-rule phrase in a text (≤ 80 characters), or null. */
export function findBusinessRule(text: string, lexicon: CompiledLexicon): string | null {
  // At the leftmost position any pattern matches, an alternation takes the first pattern that
  // matches there: the same phrase as the loop below, in one pass over the text.
  const any = lexicon.businessAny?.exec(text);
  if (any === null) return null;
  if (any !== undefined && any[0].trim() !== "") return phraseOf(any[0]);
  const rules = lexicon.businessRules;
  const gated = lexicon.businessGates ? gateMarks(lexicon.businessGates, text, rules.length) : null;
  let best: { index: number; phrase: string } | null = null;
  for (let i = 0; i < rules.length; i++) {
    if (gated !== null && !gated[i]) continue;
    const re = rules[i]!;
    const m = re.exec(text);
    if (m && m[0].trim() !== "" && (best === null || m.index < best.index)) {
      best = { index: m.index, phrase: phraseOf(m[0]) };
    }
  }
  return best?.phrase ?? null;
}

function phraseOf(match: string): string {
  return match.trim().replace(/\s+/g, " ").slice(0, 80);
}

const compiledCache = new WeakMap<ScanLexicon, CompiledLexicon>();

/**
 * Replaces every secret or PII value in a text with its masked form (for finding messages and
 * evidence built from record text, so no output format ever carries a value).
 */
export function maskSecrets(text: string, lexicon: ScanLexicon): string {
  let compiled = compiledCache.get(lexicon);
  if (!compiled) {
    compiled = compileLexicon(lexicon);
    compiledCache.set(lexicon, compiled);
  }
  return maskCompiled(text, compiled);
}

/** {@link maskSecrets} with a lexicon already compiled (the scan's own). */
export function maskCompiled(text: string, compiled: CompiledLexicon): string {
  const spans: Array<{ start: number; end: number; masked: string }> = [];
  for (const p of compiled.sensitive) {
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || spans.some((s) => start < s.end && end > s.start)) continue;
      if (p.kind === "card-number" && !luhnValid(m[0])) continue;
      if (p.kind === "phone" && !phoneValid(m[0])) continue;
      spans.push({ start, end, masked: maskValue(m[0], p.kind) });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}
