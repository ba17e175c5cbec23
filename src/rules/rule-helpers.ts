import { z } from "zod";

/** Labels added and removed between two label sets, each sorted. */
export function diffLabels(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: [...a].filter((l) => !b.has(l)).sort(),
    removed: [...b].filter((l) => !a.has(l)).sort(),
  };
}

/** `YYYY-MM-DD` in UTC. */
export function shortDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The 7-character form of a sha. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `a, b, c and 4 more` — keeps messages short while citing evidence. */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** Percentage with at most one decimal. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** `rose from 2.1% to 7.4%`, `fell from …`, `stayed at 3%`: how a share moved from base to head. */
export function movement(base: number, head: number): string {
  const b = percent(base, 1);
  const h = percent(head, 1);
  if (b === h) return `stayed at ${h}`;
  return `${head > base ? "rose" : "fell"} from ${b} to ${h}`;
}

/** First regex in `patterns` that matches `text`, with its match. Patterns are case-insensitive. */
export function firstMatch(text: string, patterns: readonly RegExp[]): { pattern: RegExp; match: string; index: number } | null {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return { pattern, match: m[0], index: m.index };
  }
  return null;
}

/** Compiles lexicon regex sources, case-insensitive. */
export function compileAll(sources: readonly string[], flags = "i"): RegExp[] {
  return sources.map((s) => new RegExp(s, flags));
}

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A rule option that is a share (a ratio or a similarity) from 0 to 1. */
export const shareOption = z.number().min(0).max(1);

/** A rule option that is a whole number of at least `min` (records, findings, days). */
export function countOption(min: number) {
  return z.number().int().min(min);
}
