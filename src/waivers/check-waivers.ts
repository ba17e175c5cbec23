import picomatch from "picomatch";
import { ownersOf } from "../codeowners.js";
import type { OwnerRule, Waiver, WaiverProblem, WaiverSet } from "../types.js";
import { WAIVERS_PATH, type WaiverFile } from "./waiver-file.js";

/** What validating waivers needs to know about the repository and the day. */
export interface WaiverContext {
  /** The review's day: an entry applies through its `expires` day (UTC). */
  now: Date;
  /** The repo config's `max_waiver_days`: how far ahead `expires` may be. */
  maxDays: number;
  /** Every rule id the review knows. */
  ruleIds: ReadonlySet<string>;
  /** CODEOWNERS at base plus the config's owners. */
  owners: readonly OwnerRule[];
  /** Every file path at head, to check that `approved_by` owns what the glob covers. */
  headFiles: readonly string[];
}

const DAY_MS = 86_400_000;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first problem of an entry that has the right shape, or undefined when it applies. */
function entryProblem(w: Waiver, ctx: WaiverContext): { key: string; message: string } | undefined {
  if (!ctx.ruleIds.has(w.rule)) return { key: "rule", message: `${w.rule} is not a rule id; use one of the ids in the README's rule reference` };
  const today = day(ctx.now);
  if (w.expires < today)
    return { key: "expires", message: `it expired on ${w.expires}; review the finding again and renew the entry with a new date, or remove it` };
  const latest = day(new Date(Date.parse(`${today}T00:00:00Z`) + ctx.maxDays * DAY_MS));
  if (w.expires > latest) {
    return { key: "expires", message: `${w.expires} is more than max_waiver_days (${ctx.maxDays}) ahead; set it to ${latest} or earlier` };
  }
  const match = picomatch(w.path, { dot: true });
  const files = ctx.headFiles.filter((f) => match(f));
  if (files.length === 0) return { key: "path", message: `${w.path} matches no file at the head commit; fix the glob or remove the entry` };
  const approver = w.approved_by.toLowerCase();
  for (const file of files) {
    const { owners } = ownersOf(file, ctx.owners);
    if (!owners.some((o) => o.toLowerCase() === approver)) {
      const who = owners.length ? `its owners are ${owners.join(", ")}` : "it has no owner (CODEOWNERS or the config's owners)";
      return { key: "approved_by", message: `it is approved by ${w.approved_by}, who does not own ${file} (${who}); have an owner of the path approve it` };
    }
  }
  return undefined;
}

/** A parse problem without where it stands (line, list index), which an edit above it moves. */
function problemIdentity(p: WaiverProblem): string {
  return `${p.key}\u0000${p.message.replace(/^[^:]+(?::\d+)?: (?:waivers\[\d+\]: )?/, "")}`;
}

function identity(w: Waiver): string {
  return JSON.stringify([w.rule, w.path, w.fingerprint ?? "", w.reason, w.approved_by, w.expires]);
}

/**
 * Validates the base branch's waivers and the entries the change adds to the file (`head`, when
 * the change edits it): expired, too far ahead, unknown rule, a glob that matches nothing, an
 * approver who does not own every file the glob covers. Problems of the head file are reported
 * only for what the change added, so a base problem is said once.
 */
export function checkWaivers(base: WaiverFile | null, head: WaiverFile | null, ctx: WaiverContext): WaiverSet {
  const baseIds = new Set((base?.entries ?? []).map(identity));
  const added = (head?.entries ?? []).filter((w) => !baseIds.has(identity(w)));
  const entries: Waiver[] = [];
  // A malformed entry the change left alone is in both files' problems: said once, as the base's.
  const said = new Set((base?.problems ?? []).map(problemIdentity));
  const problems: WaiverProblem[] = [...(base?.problems ?? []), ...(head?.problems ?? []).filter((p) => !said.has(problemIdentity(p)))];
  for (const w of [...(base?.entries ?? []), ...added]) {
    const problem = entryProblem(w, ctx);
    if (!problem) {
      entries.push(w);
      continue;
    }
    problems.push({
      key: problem.key,
      ...(w.line !== undefined && { line: w.line }),
      origin: w.origin,
      message: `${WAIVERS_PATH}${w.line ? `:${w.line}` : ""}: the waiver of ${w.rule} for ${w.path} does not apply: \`${problem.key}\`: ${problem.message}.`,
    });
  }
  return { entries, problems };
}
