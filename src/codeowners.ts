/**
 * CODEOWNERS as GitHub reads it: gitignore-style patterns, last match wins, with GitHub's
 * exceptions: `!` negation and `[ ]` ranges are not supported (they are literal characters here),
 * `#` starts a comment, and a line whose owners are not `@user`, `@org/team` or an email is skipped.
 */
import picomatch from "picomatch";
import type { OwnerRule } from "./types.js";

/** Where a rule from the repo config's `owners` comes from (see {@link configOwnerRules}). */
const CONFIG_ORIGIN = "config owners";

const USER_OR_TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** True for an owner GitHub accepts in CODEOWNERS: `@user`, `@org/team-name` or an email address. */
export function isValidOwner(owner: string): boolean {
  return USER_OR_TEAM.test(owner) || EMAIL.test(owner);
}

/** Escapes what picomatch reads as syntax but CODEOWNERS does not: only `*`, `**` and `?` are wildcards. */
function literal(pattern: string): string {
  return pattern.replace(/[\\[\]!(){}+@,|^$]/g, (c) => `\\${c}`);
}

/**
 * Turns a CODEOWNERS pattern (gitignore-style) into a glob: unanchored patterns match at any depth,
 * a trailing slash means a directory, and a pattern naming a directory owns everything under it.
 */
export function codeownersGlob(pattern: string): string {
  let p = pattern.trim();
  const anchored = p.startsWith("/") || p.replace(/\/$/, "").includes("/");
  p = literal(p.replace(/^\//, ""));
  const prefix = anchored || p.startsWith("**") ? "" : "**/";
  if (p.endsWith("/")) return `${prefix}${p}**`;
  if (p.endsWith("/**") || p.endsWith("/*")) return `${prefix}${p}`;
  return `${prefix}{${p},${p}/**}`;
}

/** A CODEOWNERS file read: its rules in file order, and the lines skipped, each with its line and why. */
export interface ParsedCodeowners {
  rules: OwnerRule[];
  problems: { line: number; message: string }[];
}

/** Parses a CODEOWNERS file; `origin` is the file's path. */
export function parseCodeowners(text: string, origin: string): ParsedCodeowners {
  const rules: OwnerRule[] = [];
  const problems: ParsedCodeowners["problems"] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const [pattern, ...owners] = line.split(/\s+/);
    const bad = owners.filter((o) => !isValidOwner(o));
    if (bad.length) {
      problems.push({
        line: i + 1,
        message: `${origin}:${i + 1} was skipped, as GitHub skips it: ${bad.map((o) => `"${o}"`).join(", ")} is not an @user, @org/team or email owner`,
      });
      return;
    }
    rules.push({ pattern: codeownersGlob(pattern!), owners, origin: `${origin}:${i + 1}` });
  });
  return { rules, problems };
}

/** Rules from the repo config's `owners` map (plain globs). */
export function configOwnerRules(owners: Record<string, string[]>): OwnerRule[] {
  return Object.entries(owners).map(([pattern, list]) => ({ pattern, owners: list, origin: CONFIG_ORIGIN }));
}

/** Each rule's matcher, compiled the first time it is needed: a review asks about every artifact. */
const matchers = new WeakMap<OwnerRule, (path: string) => boolean>();

function matches(rule: OwnerRule, path: string): boolean {
  let m = matchers.get(rule);
  if (!m) {
    m = picomatch(rule.pattern, { dot: true });
    matchers.set(rule, m);
  }
  return m(path);
}

/**
 * The owners of a path: the last matching CODEOWNERS rule wins (as on GitHub), and config owners
 * add to it. Returns [] when no rule matches or the matching rule names nobody.
 */
export function ownersOf(path: string, rules: readonly OwnerRule[]): { owners: string[]; origin?: string } {
  let last: OwnerRule | undefined;
  const extra: OwnerRule[] = [];
  // From the end: the first CODEOWNERS match found is the last in the file, so the others need no test.
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    const config = r.origin === CONFIG_ORIGIN;
    if ((!config && last) || !matches(r, path)) continue;
    if (config) extra.unshift(r);
    else last = r;
  }
  const owners = [...new Set([...(last?.owners ?? []), ...extra.flatMap((r) => r.owners)])];
  return { owners, origin: owners.length ? (last?.owners.length ? last.origin : extra[0]?.origin) : undefined };
}
