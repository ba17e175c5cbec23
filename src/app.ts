import type { ApplicationFunctionOptions, Probot } from "probot";
import { PULL_REQUEST_ACTIONS, appDeps, onCheckRunRerequested, onCheckSuiteRerequested, onIssueComment, onMergeGroup, onPullRequest } from "./github/events.js";
import { healthHandler } from "./github/health.js";
import { pullQueue } from "./github/pr-queue.js";
import { drainOnSignal } from "./github/shutdown.js";
import { readSettings } from "./settings.js";

/**
 * Probot glue only: which events run the review. All logic sits behind `github/events.ts`
 * (event -> review target) and `github/review-and-report.ts` (review -> check run and comment).
 */
export default function app(probot: Probot, options?: Partial<ApplicationFunctionOptions>): void {
  // Bad settings stop the server at start-up, naming the variable, rather than failing every review.
  const settings = readSettings();
  try {
    if (options?.addHandler) {
      options.addHandler(healthHandler);
      // Only a real server owns the process's signals (not tests or the Action loading the app).
      drainOnSignal(pullQueue, probot.log, settings.SHUTDOWN_GRACE_MS);
    }
  } catch {
    // Loaded without an HTTP server (tests, GitHub Actions): there is no /health to serve.
  }
  const deps = appDeps(probot, settings.REVIEW_TIMEOUT_MS);
  probot.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const), (context) => onPullRequest(deps, context));
  probot.on("issue_comment.created", (context) => onIssueComment(deps, context));
  probot.on("check_run.rerequested", (context) => onCheckRunRerequested(deps, context));
  probot.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(deps, context));
  probot.on("merge_group.checks_requested", (context) => onMergeGroup(deps, context));
}
