import picomatch from "picomatch";
import type { OwnerRule } from "../types.js";

/**
 * Turns a CODEOWNERS pattern (gitignore-style) into a glob: unanchored patterns match at any depth,
 * a trailing slash means a directory, and a pattern naming a directory owns everything under it.
 */
export function codeownersGlob(pattern: string): string {
  let p = pattern.trim();
  const anchored = p.startsWith("/") || p.replace(/\/$/, "").includes("/");
  p = p.replace(/^\//, "");
  const prefix = anchored || p.startsWith("**") ? "" : "**/";
  if (p.endsWith("/")) return `${prefix}${p}**`;
  if (p.endsWith("/**") || p.endsWith("/*")) return `${prefix}${p}`;
  return `${prefix}{${p},${p}/**}`;
}

/** Parses a CODEOWNERS file into rules, in file order; `origin` is the file's path. */
export function parseCodeowners(text: string, origin: string): OwnerRule[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return [];
    const [pattern, ...owners] = line.split(/\s+/);
    return [{ pattern: codeownersGlob(pattern!), owners, origin: `${origin}:${i + 1}` }];
  });
}

/** Rules from the repo config's `owners` map (plain globs). */
export function configOwnerRules(owners: Record<string, string[]>): OwnerRule[] {
  return Object.entries(owners).map(([pattern, list]) => ({ pattern, owners: list, origin: "config owners" }));
}

/**
 * The owners of a path: the last matching CODEOWNERS rule wins (as on GitHub), and config owners
 * add to it. Returns [] when no rule matches or the matching rule names nobody.
 */
export function ownersOf(path: string, rules: readonly OwnerRule[]): { owners: string[]; origin?: string } {
  const codeowners = rules.filter((r) => r.origin !== "config owners");
  const config = rules.filter((r) => r.origin === "config owners");
  const last = [...codeowners].reverse().find((r) => picomatch.isMatch(path, r.pattern, { dot: true }));
  const extra = config.filter((r) => picomatch.isMatch(path, r.pattern, { dot: true }));
  const owners = [...new Set([...(last?.owners ?? []), ...extra.flatMap((r) => r.owners)])];
  return { owners, origin: owners.length ? (last?.owners.length ? last.origin : extra[0]?.origin) : undefined };
}
