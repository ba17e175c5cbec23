import picomatch from "picomatch";
import { ownersOf } from "../codeowners.js";
import type { Finding, OwnerRule, Waiver, WaiverSet } from "../types.js";
import { CONFIG_PATH } from "../config/load-config.js";
import { WAIVERS_PATH } from "./waiver-file.js";

/**
 * Who approved the pull request's head commit, for waivers the change adds (the App asks GitHub;
 * the CLI has no pull request and passes none).
 */
export interface HeadApprovals {
  /** Logins whose latest review approves the head commit. */
  approvers(): Promise<string[]>;
  /** Whether `login` is a member of the team `org/team`. */
  inTeam(team: string, login: string): Promise<boolean>;
}

/** Findings with the waivers that apply marked, and notes on waivers that wait for an approval. */
export interface WaiverOutcome {
  findings: Finding[];
  notes: string[];
}

/** Findings about the review's own inputs (the waivers file, the repo config) are never waived: they say a waiver or the config is wrong. */
const NEVER_WAIVED = new Set([WAIVERS_PATH, CONFIG_PATH]);

function covers(w: Waiver, f: Finding, match: (path: string) => boolean): boolean {
  return w.rule === f.ruleId && f.path !== undefined && match(f.path) && (w.fingerprint === undefined || w.fingerprint === f.fingerprint);
}

/** Whether one of the head's approvers owns `path`, directly or through a team; a failed lookup is "not approved" (the safe side) and a note. */
async function ownerApproved(path: string, owners: readonly OwnerRule[], approvals: HeadApprovals, notes: Set<string>): Promise<boolean> {
  try {
    return await approvedBy(path, owners, approvals);
  } catch (error) {
    notes.add(
      `The approvals of this pull request could not be read (${(error as Error).message.split("\n")[0]}): waivers it adds were not applied; re-run the review to try again.`,
    );
    return false;
  }
}

async function approvedBy(path: string, owners: readonly OwnerRule[], approvals: HeadApprovals): Promise<boolean> {
  const listed = ownersOf(path, owners)
    .owners.filter((o) => o.startsWith("@"))
    .map((o) => o.slice(1).toLowerCase());
  for (const login of (await approvals.approvers()).map((l) => l.toLowerCase())) {
    if (listed.includes(login)) return true;
    for (const team of listed.filter((o) => o.includes("/"))) if (await approvals.inTeam(team, login)) return true;
  }
  return false;
}

/**
 * Marks findings that a valid waiver covers (the first that matches, in file order). An entry the
 * change adds applies only when an owner of the finding's path approved the head commit; without
 * approvals to check (the CLI), such entries are not applied and a note says so.
 */
export async function applyWaivers(
  findings: readonly Finding[],
  set: WaiverSet,
  owners: readonly OwnerRule[],
  approvals?: HeadApprovals,
): Promise<WaiverOutcome> {
  const matchers = new Map(set.entries.map((w) => [w, picomatch(w.path, { dot: true })]));
  const approved = new Map<string, Promise<boolean>>();
  const waiting = new Set<Waiver>();
  const failures = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    let waiver: Waiver | undefined;
    const pending: Waiver[] = [];
    if (!NEVER_WAIVED.has(f.path ?? "")) {
      for (const w of set.entries) {
        if (!covers(w, f, matchers.get(w)!)) continue;
        if (w.origin === "change") {
          let ok = approved.get(f.path!);
          if (!ok) approved.set(f.path!, (ok = approvals ? ownerApproved(f.path!, owners, approvals, failures) : Promise.resolve(false)));
          if (!(await ok)) {
            pending.push(w);
            continue;
          }
        }
        waiver = w;
        break;
      }
    }
    // An entry waits for an approval only where no other entry waived the finding.
    if (!waiver) for (const w of pending) waiting.add(w);
    out.push(waiver ? { ...f, waived: { reason: waiver.reason, approved_by: waiver.approved_by, expires: waiver.expires } } : f);
  }
  const notes = [...waiting].map((w) =>
    approvals
      ? `The waiver of ${w.rule} for ${w.path} that this pull request adds (${WAIVERS_PATH}${w.line ? `:${w.line}` : ""}) applies once an owner of the path approves the head commit.`
      : `The waiver of ${w.rule} for ${w.path} that this change adds (${WAIVERS_PATH}${w.line ? `:${w.line}` : ""}) was not applied: approvals cannot be checked here (the CLI reviews no pull request), so only the base branch's waivers apply.`,
  );
  return { findings: out, notes: [...notes, ...failures] };
}
