import type { Context, Logger, Probot } from "probot";
import { CHECK_NAME } from "./check-run.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { installationOctokit } from "./octokit.js";
import type { ReviewJob } from "./review-job.js";
import { InProcessQueue, type ReviewQueue, type WorkerDeps } from "./review-queue.js";
import { isSlashCommand } from "./slash-command.js";

/** The pull_request actions that (re)run the review. */
export const PULL_REQUEST_ACTIONS = ["opened", "synchronize", "reopened", "ready_for_review", "edited"] as const;

/** Shared by every handler: the app-level lookups a review needs. */
export interface HandlerDeps {
  botLogin: () => Promise<string>;
  timeoutMs?: number;
  /** The client for an event's installation; default the event's own `context.octokit`. */
  client?: (context: Context) => Promise<GitHubClient>;
  /** Where jobs go; default an in-process queue over the event's client, run before the handler returns. */
  queue?: ReviewQueue;
  /** Answer the webhook once the job is queued, not once it has run (the server). */
  answerFirst?: boolean;
}

/**
 * The server's lookups: each job's client built by {@link installationOctokit} (the App's throttle
 * settings), and the bot login looked up once per process (`GET /app`).
 */
export function workerDeps(probot: Probot, log: Logger, timeoutMs?: number, concurrency?: number): WorkerDeps {
  let slug: Promise<string> | undefined;
  return {
    log,
    timeoutMs,
    concurrency,
    botLogin: async () => {
      slug ??= probot.auth().then(async (octokit) => `${(await octokit.rest.apps.getAuthenticated()).data?.slug ?? "finetune-review"}[bot]`);
      try {
        return await slug;
      } catch (error) {
        slug = undefined;
        throw error;
      }
    },
    client: async (job) => (job.installationId ? installationOctokit(probot, job.installationId, log) : probot.auth()),
  };
}

/** Handler deps over a queue built from {@link workerDeps}. */
export function appDeps(probot: Probot, timeoutMs?: number, queue?: ReviewQueue, answerFirst = false): HandlerDeps {
  const worker = workerDeps(probot, probot.log, timeoutMs);
  return { botLogin: worker.botLogin, timeoutMs, queue: queue ?? new InProcessQueue(worker), answerFirst };
}

function repoOf(context: { repo: () => RepoRef }): RepoRef {
  const { owner, repo } = context.repo();
  return { owner, repo };
}

function jobBase(context: Context): Pick<ReviewJob, "installationId" | "owner" | "repo" | "htmlUrl"> {
  const payload = context.payload as { installation?: { id?: number }; repository?: { html_url?: string } };
  return { installationId: payload.installation?.id, ...repoOf(context), htmlUrl: payload.repository?.html_url };
}

async function submit(deps: HandlerDeps, context: Context, job: ReviewJob): Promise<void> {
  const queue =
    deps.queue ??
    new InProcessQueue({
      client: () => (deps.client ? deps.client(context) : Promise.resolve(context.octokit)),
      botLogin: deps.botLogin,
      log: context.log,
      timeoutMs: deps.timeoutMs,
    });
  const queued = queue.submit(job);
  if (!deps.answerFirst) return queued;
  // In-process, `submit` settles after the review: the webhook is answered now and failures are logged.
  queued.catch((error: unknown) => context.log.error({ err: (error as Error).message, job: job.kind }, "job failed"));
}

/** pull_request: review the head; `edited` only when the description changed. */
export async function onPullRequest(deps: HandlerDeps, context: Context<"pull_request">): Promise<void> {
  const { payload } = context;
  if (payload.action === "edited" && !(payload as { changes?: { body?: unknown } }).changes?.body) return;
  const pr = payload.pull_request;
  // Without a queue (the Action) the review runs for this event alone: its own base and body, no PR read.
  const event = deps.queue ? undefined : { baseSha: pr.base.sha, body: pr.body ?? null };
  await submit(deps, context, { ...jobBase(context), kind: "pull", number: pr.number, headSha: pr.head.sha, ...(event && { event }) });
}

/** pull_request_review submitted (approved) or dismissed: a waiver the PR adds may now apply, or no longer. */
export async function onPullRequestReview(
  deps: HandlerDeps,
  context: Context<"pull_request_review.submitted" | "pull_request_review.dismissed">,
): Promise<void> {
  const { payload } = context;
  if (payload.action === "submitted" && payload.review.state.toLowerCase() !== "approved") return;
  await submit(deps, context, { ...jobBase(context), kind: "approval", number: payload.pull_request.number, headSha: payload.pull_request.head.sha });
}

/** check_run.rerequested (the check's Re-run button): review that head sha again. */
export async function onCheckRunRerequested(deps: HandlerDeps, context: Context<"check_run.rerequested">): Promise<void> {
  const { check_run: check } = context.payload;
  if (check.name !== CHECK_NAME) return;
  await submit(deps, context, { ...jobBase(context), kind: "check", headSha: check.head_sha, pulls: check.pull_requests.map((p) => p.number) });
}

/** check_suite.rerequested (Re-run all checks). */
export async function onCheckSuiteRerequested(deps: HandlerDeps, context: Context<"check_suite.rerequested">): Promise<void> {
  const { check_suite: suite } = context.payload;
  await submit(deps, context, { ...jobBase(context), kind: "check", headSha: suite.head_sha, pulls: suite.pull_requests.map((p) => p.number) });
}

/** merge_group.checks_requested: a required check must report on the queue's sha too. */
export async function onMergeGroup(deps: HandlerDeps, context: Context<"merge_group.checks_requested">): Promise<void> {
  const { merge_group: group } = context.payload;
  await submit(deps, context, { ...jobBase(context), kind: "merge_group", headSha: group.head_sha, baseSha: group.base_sha });
}

/**
 * issue_comment.created: `/finetune-review` as a PR comment's first line re-runs the review for users
 * with write, maintain or admin permission (checked by the job, which reacts 👀 and queues the
 * review); others get a polite reply. Bots and comments on issues are ignored; edited comments never reach here.
 */
export async function onIssueComment(deps: HandlerDeps, context: Context<"issue_comment.created">): Promise<void> {
  const { comment, issue } = context.payload;
  const user = comment.user;
  if (!issue.pull_request || !user || user.type === "Bot" || !isSlashCommand(comment.body)) return;
  await submit(deps, context, { ...jobBase(context), kind: "comment", number: issue.number, comment: { id: comment.id, login: user.login } });
}
