import type { GitHubClient, RepoRef } from "./client.js";

/** The hidden marker that identifies the app's one comment on a PR. */
export const MARKER = "<!-- finetune-review -->";

/** The head sha a comment body was written for, from its stamp. */
export function stampedSha(body: string): string | undefined {
  return /<!-- finetune-review:head=([0-9a-f]{7,40}) -->/.exec(body)?.[1];
}

/** Marker and head-sha stamp that start every comment body. */
export function commentHeader(headSha: string): string {
  return `${MARKER}\n<!-- finetune-review:head=${headSha} -->`;
}

/** What happened to the sticky comment. */
export type StickyOutcome = "created" | "updated" | "unchanged" | "skipped";

/** One comment of a PR, as the issue comments list gives it. */
export interface ListedComment {
  id: number;
  body?: string | null;
  user?: { login: string } | null;
}

/** Every comment of a PR (all pages, 100 a page). */
export function listComments(octokit: GitHubClient, repo: RepoRef, issueNumber: number): Promise<ListedComment[]> {
  return octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
}

/** Deletes a comment; one already gone (another writer deleted it) is success, not a failed review. */
async function deleteIfPresent(octokit: GitHubClient, repo: RepoRef, commentId: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: commentId });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}

function oursOf(comments: readonly ListedComment[], botLogin: string): ListedComment[] {
  return comments.filter((c) => c.user?.login === botLogin && (c.body ?? "").includes(MARKER)).sort((a, b) => a.id - b.id);
}

/**
 * Creates or updates the app's one comment on a PR, found by the marker among comments written by
 * `botLogin` (all pages; `listed` when the caller already has them). Identical bodies are not edited;
 * duplicates are deleted. With `createIfMissing` false (the PR has no fine-tuning artifacts) an
 * existing comment is still updated, but none is created.
 *
 * Two writers that both found no comment both create one; each then re-lists, and the oldest comment
 * wins: comment ids only grow, so the later writer always sees the earlier one and deletes its own.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  body: string,
  botLogin: string,
  createIfMissing: boolean,
  listed?: readonly ListedComment[],
): Promise<{ outcome: StickyOutcome; deleted: number }> {
  const comments = listed ?? (await listComments(octokit, repo, issueNumber));
  const [keep, ...duplicates] = oursOf(comments, botLogin);
  for (const dup of duplicates) await deleteIfPresent(octokit, repo, dup.id);
  if (!keep) {
    if (!createIfMissing) return { outcome: "skipped", deleted: duplicates.length };
    const { data: created } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    const [oldest] = oursOf(await listComments(octokit, repo, issueNumber), botLogin);
    if (oldest && oldest.id < created.id) {
      await deleteIfPresent(octokit, repo, created.id);
      if (oldest.body !== body) await octokit.rest.issues.updateComment({ ...repo, comment_id: oldest.id, body });
      return { outcome: "updated", deleted: duplicates.length + 1 };
    }
    return { outcome: "created", deleted: duplicates.length };
  }
  if (keep.body === body) return { outcome: "unchanged", deleted: duplicates.length };
  await octokit.rest.issues.updateComment({ ...repo, comment_id: keep.id, body });
  return { outcome: "updated", deleted: duplicates.length };
}
