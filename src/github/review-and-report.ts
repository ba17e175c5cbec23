import type { Logger } from "probot";
import { renderMarkdown, truncateMarkdown } from "../render/index.js";
import { loadRepoConfig, review } from "../review.js";
import { GitHubSource } from "../sources/github.js";
import { encodePath } from "../sources/repo-path.js";
import type { Review } from "../types.js";
import { CHECK_NAME, completeCheckRun, failCheckRun, reportProgress, startCheckRun } from "./check-run.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { extendsResolver } from "./extends-resolver.js";
import { headApprovals } from "./head-approvals.js";
import { commentHeader, listComments, upsertStickyComment } from "./sticky-comment.js";

/** What to review: a PR's head against its base, or a merge-queue commit against its base (no PR). */
export interface ReviewTarget {
  repo: RepoRef;
  headSha: string;
  baseSha: string;
  /** `https://github.com/owner/repo`, for links to files at the head sha. */
  htmlUrl?: string;
  pull?: { number: number; body: string | null };
}

/** What the App's sink needs besides the target. */
export interface ReportDeps {
  octokit: GitHubClient;
  log: Logger;
  /** The app's own bot login (`<slug>[bot]`), whose comments carry the marker. */
  botLogin: () => Promise<string>;
  /** A review running longer than this fails with `on_error`'s conclusion. */
  timeoutMs?: number;
  /** Aborted when the process hands the job back (shutdown): the check is then left for the next worker. */
  signal?: AbortSignal;
  /** A check run an earlier attempt of this job created (a worker that died): reused, never a second one. */
  checkRunId?: number;
  /** A takeover: an earlier attempt may have created a check it could not record; adopt the newest in progress on the head. */
  adopt?: boolean;
  /** Told the check run's id once it exists, and when it completed, so a takeover can resume it. */
  onCheckRun?: (id: number, state: { completed: boolean; onError: "failure" | "neutral" }) => Promise<void>;
  /** Whether this job may still write the PR's comment (false: a newer head's review is queued or the PR moved). */
  mayComment?: () => Promise<boolean>;
}

/** Thrown when the job was handed back (shutdown): nothing was reported, the next worker resumes it. */
export class HandedBack extends Error {}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const PROGRESS_EVERY_MS = 10_000;

/** Runs `work`, rejecting after `ms` and aborting the signal it was given, so the work stops too. */
function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`the review took longer than ${Math.round(ms / 1000)} s and was stopped`);
      controller.abort(error);
      reject(error);
    }, ms);
    outer?.addEventListener(
      "abort",
      () => {
        const error = new HandedBack("the job was handed back");
        controller.abort(error);
        reject(error);
      },
      { once: true },
    );
  });
  return Promise.race([work(controller.signal), timeout]).finally(() => clearTimeout(timer));
}

/** The newest check run of this app's name still in progress on `headSha`, if any. */
async function inProgressCheck(octokit: GitHubClient, repo: RepoRef, headSha: string): Promise<number | undefined> {
  const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: headSha, check_name: CHECK_NAME, status: "in_progress", per_page: 100 });
  return data.check_runs.filter((c) => c.name === CHECK_NAME && c.status === "in_progress").sort((a, b) => b.id - a.id)[0]?.id;
}

/** A short, token-free description of what failed. */
function describe(error: unknown): string {
  const e = error as { status?: number; message?: string; request?: { method?: string; url?: string } };
  const where = e.request?.url ? ` (${e.request.method ?? "GET"} ${e.request.url.replace(/[?#].*$/, "")})` : "";
  return `${e.status ? `GitHub answered ${e.status}` : "error"}: ${(e.message ?? String(error)).split("\n")[0]}${where}`;
}

/** The sticky comment body for a review: marker, head stamp, then the rendered review. */
export function commentBody(result: Review, headSha: string, fileUrl?: (path: string, line?: number) => string): string {
  return truncateMarkdown(renderMarkdown(result, { marker: commentHeader(headSha), fileUrl }));
}

/**
 * Runs one review and reports it: a check run that always completes (with `on_error`'s conclusion
 * when the review itself fails) and, for a PR, the sticky comment — unless the PR has moved to a
 * newer head, whose own review will write it.
 */
export async function reviewAndReport(deps: ReportDeps, target: ReviewTarget): Promise<Review | undefined> {
  const { octokit, log } = deps;
  const { repo, headSha } = target;
  const fileUrl = target.htmlUrl
    ? (path: string, line?: number) => `${target.htmlUrl}/blob/${headSha}/${encodePath(path)}${line ? `#L${line}` : ""}`
    : undefined;
  const source = target.pull
    ? GitHubSource.forPullRequest(octokit, repo, { number: target.pull.number, baseSha: target.baseSha, headSha })
    : GitHubSource.forCompare(octokit, repo, { baseSha: target.baseSha, headSha });
  const resolveExtends = extendsResolver(octokit, repo);
  let checkRunId: number | undefined = deps.checkRunId;
  let onError: "failure" | "neutral" = "failure";
  // Once the check is completed, nothing later in this job may rewrite it: a later failure is logged only.
  let completed = false;
  try {
    // Creating the check and reading the config do not wait for each other.
    if (checkRunId === undefined && deps.adopt) checkRunId = await inProgressCheck(octokit, repo, headSha).catch(() => undefined);
    const resumed = checkRunId;
    const record = (id: number) =>
      deps
        .onCheckRun?.(id, { completed: false, onError })
        .catch((e: unknown) => log.warn({ err: describe(e) }, "could not record the check run for a takeover"));
    const [started, loaded] = await Promise.allSettled([
      resumed
        ? reportProgress(octokit, repo, resumed, "The worker reviewing this stopped; another one is reviewing it again.").then(() => resumed)
        : // Recorded at once, before the config is read: a worker dying now must not leave an unknown check in progress.
          startCheckRun(octokit, repo, headSha).then(async (id) => (await record(id), id)),
      loadRepoConfig(source, undefined, resolveExtends),
    ]);
    if (started.status === "fulfilled") checkRunId = started.value;
    if (loaded.status === "fulfilled" && loaded.value.ok) onError = loaded.value.config.on_error;
    if (started.status === "rejected") throw started.reason;
    if (loaded.status === "rejected") throw loaded.reason;
    await deps
      .onCheckRun?.(started.value, { completed: false, onError })
      .catch((e: unknown) => log.warn({ err: describe(e) }, "could not record the check run for a takeover"));
    if (loaded.value.ok) source.warm();
    let lastProgress = Date.now();
    // A review that timed out stops at its next dataset chunk; until then it must not write progress over the completed check.
    let stopped = false;
    const id = started.value;
    const progress = (message: string) => {
      if (stopped || Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      reportProgress(octokit, repo, id, message).catch((e: unknown) => log.warn({ err: describe(e) }, "progress update failed"));
    };
    const result = await withTimeout(
      (signal) =>
        review({
          source,
          body: target.pull?.body ?? undefined,
          notes: source.notes,
          progress,
          resolveExtends,
          signal,
          config: loaded.value,
          ...(target.pull && { approvals: headApprovals(octokit, repo, target.pull.number, headSha) }),
        }),
      deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      deps.signal,
    ).finally(() => {
      stopped = true;
    });
    const pull = target.pull && result.settings?.comment !== "off" ? target.pull : undefined;
    // Whether to write the comment and the comments themselves are read while the check completes.
    const current = pull && (deps.mayComment ? deps.mayComment() : Promise.resolve(true));
    const listed = pull && listComments(octokit, repo, pull.number);
    // Awaited below, or dropped when completing the check fails: never an unhandled rejection.
    current?.catch(() => undefined);
    listed?.catch(() => undefined);
    await completeCheckRun(octokit, repo, id, result, fileUrl);
    completed = true;
    await deps.onCheckRun?.(id, { completed: true, onError }).catch((e: unknown) => log.warn({ err: describe(e) }, "could not record the completed check"));
    if (pull && current && listed) {
      if (!(await current)) {
        log.info({ pr: pull.number, reviewed: headSha }, "a newer head is queued or the PR moved; its review writes the comment");
        return result;
      }
      const hasArtifacts = result.artifacts.length > 0 || result.findings.length > 0;
      const outcome = await upsertStickyComment(
        octokit,
        repo,
        pull.number,
        commentBody(result, headSha, fileUrl),
        await deps.botLogin(),
        hasArtifacts,
        await listed,
      );
      log.info({ pr: pull.number, head: headSha, conclusion: result.conclusion, comment: outcome.outcome }, "review reported");
    }
    return result;
  } catch (error) {
    if (error instanceof HandedBack && !completed) throw error;
    const reason = describe(error);
    if (completed) {
      log.error({ err: reason, head: headSha, checkRunId }, "reporting failed after the check completed; the check keeps its result");
      return undefined;
    }
    log.error({ err: reason, head: headSha }, "review failed");
    try {
      checkRunId ??= await startCheckRun(octokit, repo, headSha);
      await failCheckRun(octokit, repo, checkRunId, onError, reason);
    } catch (reportError) {
      log.error({ err: describe(reportError), head: headSha }, "could not complete the check run");
    }
    return undefined;
  }
}
