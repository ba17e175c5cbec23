import type { Logger } from "probot";
import type { GitHubClient, RepoRef } from "./client.js";
import { reviewAndReport, type ReportDeps, type ReviewTarget } from "./review-and-report.js";
import { canRerun, notAllowedReply } from "./slash-command.js";
import { WAIVERS_PATH } from "../waivers/waiver-file.js";

/**
 * What a webhook leaves in the queue: ids, names and shas only (no tokens, no PR content), so it is
 * safe to keep in Redis. Each kind is one thing the app does for an event:
 * - `pull`: review the PR's current head (pull_request events, admitted slash commands);
 * - `sha`: review this exact head sha of the PR again (the check's Re-run buttons);
 * - `comment`: a `/finetune-review` comment: check the commenter's permission, react, then a `pull` job;
 * - `check`: a re-requested check: find its open PRs (forks list none) and queue a `sha` job for each;
 * - `merge_group`: review a merge-queue commit against its base (no PR, no comment);
 * - `approval`: a review of the PR was approved or dismissed: a `pull` job when the PR edits the
 *   waivers file (an entry it adds applies once an owner approves the head), else nothing.
 */
export interface ReviewJob {
  kind: "pull" | "sha" | "comment" | "check" | "merge_group" | "approval";
  installationId?: number;
  owner: string;
  repo: string;
  htmlUrl?: string;
  number?: number;
  headSha?: string;
  baseSha?: string;
  /** `check`: the PR numbers the event listed (empty: look them up by commit). */
  pulls?: number[];
  /** `pull` run for one event (the Action, no queue): the event's base and body are the truth, the PR is not read. */
  event?: { baseSha: string; body: string | null };
  /** `comment`: the comment to react to and its author. */
  comment?: { id: number; login: string };
}

/** Where a job waits: one review per lane at a time (a PR, or a merge-queue commit); none for fan-out jobs. */
export function laneOf(job: ReviewJob): { key: string; kind: string } | undefined {
  const repo = `${job.owner}/${job.repo}`.toLowerCase();
  if (job.kind === "pull") return { key: `${repo}#${job.number}`, kind: "latest" };
  if (job.kind === "sha") return { key: `${repo}#${job.number}`, kind: `sha:${job.headSha}` };
  if (job.kind === "merge_group") return { key: `${repo}@${job.headSha}`, kind: "latest" };
  return undefined;
}

/** What a queue gives the processor for one job besides the job itself. */
export interface JobContext {
  octokit: GitHubClient;
  log: Logger;
  botLogin: () => Promise<string>;
  timeoutMs?: number;
  /** Queues a follow-up job (fan-out of `check`, the review of an admitted `comment`). */
  submit: (job: ReviewJob) => Promise<void>;
  /** Whether a newer `pull` job of this lane is waiting (its review will write the comment). */
  superseded: () => Promise<boolean>;
  /** Resumption state of a job an earlier worker started (crash takeover), and its recorder. */
  resume?: Pick<ReportDeps, "checkRunId" | "onCheckRun" | "signal" | "adopt">;
}

/**
 * Runs one job: the only place the API is read for it. A PR is read once per job (its current head,
 * base, body and state), which both picks what to review and says whether the comment may be written.
 */
export async function processJob(job: ReviewJob, ctx: JobContext): Promise<void> {
  const { octokit, log } = ctx;
  log.info({ pid: process.pid, head: job.headSha }, "job started");
  const repo: RepoRef = { owner: job.owner, repo: job.repo };
  const report = (target: ReviewTarget, mayComment?: () => Promise<boolean>) =>
    reviewAndReport({ octokit, log, botLogin: ctx.botLogin, timeoutMs: ctx.timeoutMs, mayComment, ...ctx.resume }, target).then(() => undefined);
  switch (job.kind) {
    case "merge_group":
      return report({ repo, headSha: job.headSha!, baseSha: job.baseSha!, htmlUrl: job.htmlUrl });
    case "check": {
      const numbers = job.pulls?.length
        ? job.pulls
        : (await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: job.headSha!, per_page: 100 }))
            .filter((p) => p.state === "open")
            .map((p) => p.number);
      for (const number of numbers) await ctx.submit({ ...job, kind: "sha", number, pulls: undefined });
      return;
    }
    case "approval": {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: job.number!, per_page: 100 });
      if (!files.some((f) => f.filename === WAIVERS_PATH)) return;
      return ctx.submit({ ...job, kind: "pull" });
    }
    case "comment": {
      const { login, id } = job.comment!;
      if (!(await canRerun(octokit, repo, login))) {
        await octokit.rest.issues.createComment({ ...repo, issue_number: job.number!, body: notAllowedReply(login) });
        return;
      }
      await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: id, content: "eyes" });
      return ctx.submit({ ...job, kind: "pull", comment: undefined });
    }
    case "pull":
    case "sha": {
      if (job.kind === "pull" && job.event) {
        // Read once, after the review: the comment is written only if the PR is still at this head.
        const still = async () => (await octokit.rest.pulls.get({ ...repo, pull_number: job.number! })).data.head.sha === job.headSha;
        return report(
          { repo, headSha: job.headSha!, baseSha: job.event.baseSha, htmlUrl: job.htmlUrl, pull: { number: job.number!, body: job.event.body } },
          still,
        );
      }
      const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: job.number! });
      // A re-run of an exact sha still reviews it (its check must complete); a PR review of a closed PR is moot.
      if (job.kind === "pull" && pr.state === "closed") {
        log.info({ pr: job.number }, "PR closed; not reviewed");
        return;
      }
      const headSha = job.kind === "sha" ? job.headSha! : pr.head.sha;
      const target: ReviewTarget = { repo, headSha, baseSha: pr.base.sha, htmlUrl: job.htmlUrl, pull: { number: pr.number, body: pr.body ?? null } };
      return report(target, async () => pr.head.sha === headSha && !(await ctx.superseded()));
    }
  }
}
