import type { Context, Logger, Probot } from "probot";
import { CHECK_NAME } from "./check-run.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { installationOctokit } from "./octokit.js";
import { pullQueue } from "./pr-queue.js";
import { reviewAndReport, type ReviewTarget } from "./review-and-report.js";
import { canRerun, isSlashCommand, notAllowedReply } from "./slash-command.js";

/** The pull_request actions that (re)run the review. */
export const PULL_REQUEST_ACTIONS = ["opened", "synchronize", "reopened", "ready_for_review", "edited"] as const;

/** Shared by every handler: the app-level lookups a review needs. */
export interface HandlerDeps {
  botLogin: () => Promise<string>;
  timeoutMs?: number;
  /** The client for an event's installation; default the event's own `context.octokit`. */
  client?: (context: Context) => Promise<GitHubClient>;
}

function clientFor(deps: HandlerDeps, context: Context): Promise<GitHubClient> {
  return deps.client ? deps.client(context) : Promise.resolve(context.octokit);
}

/**
 * The server's handler dependencies: each event's client built by {@link installationOctokit} (the
 * App's throttle settings), and the bot login looked up once per process (`GET /app`).
 */
export function appDeps(probot: Probot, timeoutMs?: number): HandlerDeps {
  let slug: Promise<string> | undefined;
  return {
    botLogin: async () => {
      slug ??= probot.auth().then(async (octokit) => `${(await octokit.rest.apps.getAuthenticated()).data?.slug ?? "finetune-review"}[bot]`);
      try {
        return await slug;
      } catch (error) {
        slug = undefined;
        throw error;
      }
    },
    timeoutMs,
    client: (context) => {
      const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
      return installation ? installationOctokit(probot, installation, context.log) : Promise.resolve(context.octokit);
    },
  };
}

interface PullLike {
  number: number;
  body?: string | null;
  head: { sha: string };
  base: { sha: string };
}

function repoOf(context: { repo: () => RepoRef }): RepoRef {
  const { owner, repo } = context.repo();
  return { owner, repo };
}

function pullTarget(repo: RepoRef, htmlUrl: string | undefined, pr: PullLike, headSha = pr.head.sha): ReviewTarget {
  return { repo, headSha, baseSha: pr.base.sha, htmlUrl, pull: { number: pr.number, body: pr.body ?? null } };
}

/**
 * Runs a review; a PR's reviews go one at a time through the per-PR queue. With `followHead`, a review
 * that waited behind another re-reads the PR first: events can arrive out of order (redeliveries), and
 * the newest head on GitHub, not the newest event, is what must be reviewed.
 */
async function run(deps: HandlerDeps, octokit: GitHubClient, log: Logger, target: ReviewTarget, followHead = false): Promise<void> {
  const report = (t: ReviewTarget) => reviewAndReport({ octokit, log, botLogin: deps.botLogin, timeoutMs: deps.timeoutMs }, t).then(() => undefined);
  const pull = target.pull;
  if (!pull) return report(target);
  const key = `${target.repo.owner}/${target.repo.repo}#${pull.number}`.toLowerCase();
  await pullQueue.enqueue(key, async (waited) => {
    let current = target;
    if (waited && followHead) {
      try {
        const { data: pr } = await octokit.rest.pulls.get({ ...target.repo, pull_number: pull.number });
        if (pr.state === "closed") return;
        current = pullTarget(target.repo, target.htmlUrl, pr);
      } catch (error) {
        // The event's own target is still a valid review; the check on its head must complete.
        log.warn({ err: (error as Error).message, pr: pull.number }, "could not re-read the PR; reviewing the event's head");
      }
    }
    await report(current);
  }, followHead ? "latest" : `sha:${target.headSha}`);
}

/** pull_request: review the head; `edited` only when the description changed. */
export async function onPullRequest(deps: HandlerDeps, context: Context<"pull_request">): Promise<void> {
  const { payload } = context;
  if (payload.action === "edited" && !(payload as { changes?: { body?: unknown } }).changes?.body) return;
  const repo = repoOf(context);
  await run(deps, await clientFor(deps, context), context.log, pullTarget(repo, payload.repository.html_url, payload.pull_request), true);
}

/** The open PRs a re-requested check belongs to; forks' checks list none, so ask by commit. */
async function pullsForCheck(octokit: GitHubClient, repo: RepoRef, listed: { number: number }[], headSha: string): Promise<PullLike[]> {
  const numbers = listed.length
    ? listed.map((p) => p.number)
    : (await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: headSha, per_page: 100 })).filter((p) => p.state === "open").map((p) => p.number);
  const pulls: PullLike[] = [];
  for (const number of numbers) pulls.push((await octokit.rest.pulls.get({ ...repo, pull_number: number })).data);
  return pulls;
}

/** check_run.rerequested (the check's Re-run button): review that head sha again. */
export async function onCheckRunRerequested(deps: HandlerDeps, context: Context<"check_run.rerequested">): Promise<void> {
  const { check_run: check } = context.payload;
  if (check.name !== CHECK_NAME) return;
  await rerun(deps, context, check.pull_requests, check.head_sha);
}

/** check_suite.rerequested (Re-run all checks). */
export async function onCheckSuiteRerequested(deps: HandlerDeps, context: Context<"check_suite.rerequested">): Promise<void> {
  const { check_suite: suite } = context.payload;
  await rerun(deps, context, suite.pull_requests, suite.head_sha);
}

/** Reviews `headSha` again for each open PR it belongs to. */
async function rerun(deps: HandlerDeps, context: Context<"check_run.rerequested" | "check_suite.rerequested">, listed: { number: number }[], headSha: string): Promise<void> {
  const repo = repoOf(context);
  const octokit = await clientFor(deps, context);
  for (const pr of await pullsForCheck(octokit, repo, listed, headSha)) {
    await run(deps, octokit, context.log, pullTarget(repo, context.payload.repository.html_url, pr, headSha));
  }
}

/** merge_group.checks_requested: a required check must report on the queue's sha too. */
export async function onMergeGroup(deps: HandlerDeps, context: Context<"merge_group.checks_requested">): Promise<void> {
  const { merge_group: group } = context.payload;
  await run(deps, await clientFor(deps, context), context.log, { repo: repoOf(context), headSha: group.head_sha, baseSha: group.base_sha, htmlUrl: context.payload.repository?.html_url });
}

/**
 * issue_comment.created: `/finetune-review` as a PR comment's first line re-runs the review for users
 * with write, maintain or admin permission (the comment gets an 👀 reaction); others get a polite
 * reply. Bots and comments on issues are ignored; edited comments never reach here.
 */
export async function onIssueComment(deps: HandlerDeps, context: Context<"issue_comment.created">): Promise<void> {
  const { comment, issue } = context.payload;
  const user = comment.user;
  if (!issue.pull_request || !user || user.type === "Bot" || !isSlashCommand(comment.body)) return;
  const repo = repoOf(context);
  const octokit = await clientFor(deps, context);
  if (!(await canRerun(octokit, repo, user.login))) {
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: notAllowedReply(user.login) });
    return;
  }
  await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "eyes" });
  const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: issue.number });
  await run(deps, octokit, context.log, pullTarget(repo, context.payload.repository.html_url, pr), true);
}
