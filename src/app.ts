import type { ApplicationFunctionOptions, Probot } from "probot";
import {
  PULL_REQUEST_ACTIONS,
  appDeps,
  onCheckRunRerequested,
  onCheckSuiteRerequested,
  onIssueComment,
  onMergeGroup,
  onPullRequest,
  onPullRequestReview,
  workerDeps,
} from "./github/events.js";
import { healthHandler } from "./github/health.js";
import { RedisQueue } from "./github/redis-queue.js";
import { InProcessQueue, type ReviewQueue } from "./github/review-queue.js";
import { drainOnSignal } from "./github/shutdown.js";
import { readSettings } from "./settings.js";

/**
 * Probot glue only: which events queue which jobs. A server answers each webhook once its job is
 * queued (in-process, or BullMQ on Redis with `REDIS_URL`); loaded without a server (tests, the
 * Action) a handler returns once its review has run.
 */
export default function app(probot: Probot, options?: Partial<ApplicationFunctionOptions>): void {
  // Bad settings stop the server at start-up, naming the variable, rather than failing every review.
  const settings = readSettings();
  let queue: ReviewQueue | undefined;
  let server = false;
  try {
    if (options?.addHandler) {
      options.addHandler(healthHandler);
      server = true;
    }
  } catch {
    // Loaded without an HTTP server (tests, GitHub Actions): there is no /health to serve.
  }
  if (server) {
    const worker = workerDeps(probot, probot.log, settings.REVIEW_TIMEOUT_MS, settings.REVIEW_CONCURRENCY);
    queue = settings.REDIS_URL ? new RedisQueue(settings.REDIS_URL, worker) : new InProcessQueue(worker);
    probot.log.info({ queue: settings.REDIS_URL ? "redis" : "in-process" }, "review queue ready");
    // Only a real server owns the process's signals (not tests or the Action loading the app).
    drainOnSignal(queue, probot.log, settings.SHUTDOWN_GRACE_MS);
  }
  const deps = appDeps(probot, settings.REVIEW_TIMEOUT_MS, queue, server);
  probot.on(
    PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
    (context) => onPullRequest(deps, context),
  );
  probot.on("issue_comment.created", (context) => onIssueComment(deps, context));
  probot.on(["pull_request_review.submitted", "pull_request_review.dismissed"], (context) => onPullRequestReview(deps, context));
  probot.on("check_run.rerequested", (context) => onCheckRunRerequested(deps, context));
  probot.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(deps, context));
  probot.on("merge_group.checks_requested", (context) => onMergeGroup(deps, context));
}
