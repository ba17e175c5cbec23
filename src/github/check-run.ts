import { annotatedFindings, renderMarkdown, truncateMarkdown } from "../render/index.js";
import type { Finding, Review, Severity } from "../types.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** The check's name: what teams select as a required status check. */
export const CHECK_NAME = "Fine-tuning review";
/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Where each rule is documented (the README's rule reference). */
export const RULE_DOCS_URL = "https://github.com/finetune-review/finetune-review#rule-reference";

const LEVEL: Record<Severity, "failure" | "warning" | "notice"> = { error: "failure", warning: "warning", notice: "notice" };

/** One check-run annotation, as the Checks API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

/** Annotations for every finding with a path; file-level findings point at line 1. */
export function toAnnotations(findings: readonly Finding[]): Annotation[] {
  return findings
    .filter((f) => f.path)
    .map((f) => ({
      path: f.path!,
      start_line: f.line ?? 1,
      end_line: Math.max(f.endLine ?? f.line ?? 1, f.line ?? 1),
      annotation_level: LEVEL[f.severity],
      title: `${f.ruleId}: ${f.title}`.slice(0, 255),
      message: [f.message, f.remediation && `Fix: ${f.remediation}`]
        .filter(Boolean)
        .join("\n")
        .slice(0, 64 * 1024),
    }));
}

/** The check's title line: counts, or that there is nothing to report. */
export function checkTitle(review: Review): string {
  const counted = annotatedFindings(review);
  const n = (s: Severity) => counted.filter((f) => f.severity === s).length;
  const parts = [
    n("error") && `${n("error")} error${n("error") === 1 ? "" : "s"}`,
    n("warning") && `${n("warning")} warning${n("warning") === 1 ? "" : "s"}`,
    n("notice") && `${n("notice")} notice${n("notice") === 1 ? "" : "s"}`,
  ].filter(Boolean);
  if (review.artifacts.length === 0 && review.findings.length === 0) return "No fine-tuning artifacts changed";
  const rest = review.findings.length - counted.length;
  const old = rest > 0 ? ` · ${rest} already on the base branch` : "";
  return (parts.length ? parts.join(", ") : rest > 0 ? "No new findings" : "No findings") + old;
}

/** Creates the check run in progress on the head sha. */
export async function startCheckRun(octokit: GitHubClient, repo: RepoRef, headSha: string, detailsUrl?: string): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    output: { title: "Reviewing fine-tuning changes…", summary: "The review is running." },
    ...(detailsUrl && { details_url: detailsUrl }),
  });
  return data.id;
}

/** Updates the in-progress summary on long reviews. */
export async function reportProgress(octokit: GitHubClient, repo: RepoRef, checkRunId: number, message: string): Promise<void> {
  await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { title: "Reviewing fine-tuning changes…", summary: message } });
}

/**
 * Completes the check run with the review: conclusion, title, summary (cut to GitHub's limit with a
 * note) and annotations in batches of 50 (the first batch completes the run, the rest append).
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  review: Review,
  fileUrl?: (path: string, line?: number) => string,
): Promise<void> {
  const title = checkTitle(review);
  const summary = truncateMarkdown(renderMarkdown(review, { fileUrl, ruleDocUrl: (id) => `${RULE_DOCS_URL.replace(/#.*/, "")}#${id}` }));
  const annotations = toAnnotations(annotatedFindings(review));
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: review.conclusion,
    completed_at: new Date().toISOString(),
    output: { title, summary, ...(batches[0] && { annotations: batches[0] }) },
  });
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { title, summary, annotations: batch } });
  }
}

/** Completes the check run when the review itself could not run: says what failed and how to re-run. */
export async function failCheckRun(octokit: GitHubClient, repo: RepoRef, checkRunId: number, conclusion: "failure" | "neutral", reason: string): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output: {
      title: "The fine-tuning review could not run",
      summary: [
        `The review did not complete: ${reason.replace(/\s+/g, " ").slice(0, 1000)}`,
        "",
        "Nothing was judged. Re-run it with the **Re-run** button on this check, or comment `/finetune-review` on the pull request (write access needed).",
      ].join("\n"),
    },
  });
}
