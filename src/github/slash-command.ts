import { stripBom } from "../text.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** The command maintainers comment to re-run the review. */
export const COMMAND = "/finetune-review";

/**
 * True when the comment's first line is the command (optionally followed by words). A comment that
 * quotes it (`> /finetune-review`), puts it in a code block, or mentions it later does not count.
 */
export function isSlashCommand(body: string | null | undefined): boolean {
  const first = stripBom(body ?? "")
    .split(/\r?\n/, 1)[0]!
    .trim();
  return first === COMMAND || first.startsWith(`${COMMAND} `);
}

/** Permissions that may re-run the review (GitHub reports maintain as `write`, with `role_name` maintain). */
const ALLOWED = new Set(["admin", "maintain", "write"]);

/** Whether `username` has write, maintain or admin permission on the repository. */
export async function canRerun(octokit: GitHubClient, repo: RepoRef, username: string): Promise<boolean> {
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
  const role = (data as { role_name?: string }).role_name;
  return ALLOWED.has(data.permission) || (role !== undefined && ALLOWED.has(role));
}

/** The polite answer to someone who may not re-run the review. */
export function notAllowedReply(username: string): string {
  return [
    `Thanks, @${username}. Only people with write, maintain or admin access to this repository can re-run the fine-tuning review with \`${COMMAND}\`, so nothing was run.`,
    "A maintainer can comment the command, or the review runs again by itself on the next push.",
  ].join(" ");
}
