import type { HeadApprovals } from "../waivers/apply-waivers.js";
import type { GitHubClient, RepoRef } from "./client.js";

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/**
 * Who approved a pull request's head commit, read from GitHub only when a waiver the PR adds
 * needs it: each reviewer's latest review that approves or requests changes decides (comments do
 * not), and it must be of the head commit. Team membership asks GitHub (the `members: read`
 * permission); a 404 is "not a member", and so is a 403 (a token that may not read the
 * organisation's teams, such as a workflow's): the waiver then waits, which is the safe side.
 */
export function headApprovals(octokit: GitHubClient, repo: RepoRef, pullNumber: number, headSha: string): HeadApprovals {
  let approvers: Promise<string[]> | undefined;
  const teams = new Map<string, Promise<boolean>>();
  return {
    approvers() {
      approvers ??= octokit.paginate(octokit.rest.pulls.listReviews, { ...repo, pull_number: pullNumber, per_page: 100 }).then((reviews) => {
        const latest = new Map<string, { state: string; commit: string | null | undefined }>();
        for (const r of reviews) {
          if (!r.user || !["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].includes(r.state)) continue;
          latest.set(r.user.login, { state: r.state, commit: r.commit_id });
        }
        return [...latest].filter(([, r]) => r.state === "APPROVED" && r.commit === headSha).map(([login]) => login);
      });
      return approvers;
    },
    inTeam(team, login) {
      const key = `${team}\u0000${login}`.toLowerCase();
      let member = teams.get(key);
      if (!member) {
        const [org = "", slug = ""] = team.split("/");
        member = octokit.rest.teams
          .getMembershipForUserInOrg({ org, team_slug: slug, username: login })
          .then((r) => r.data.state === "active")
          .catch((error: unknown) => {
            if (status(error) === 404 || status(error) === 403) return false;
            throw error;
          });
        teams.set(key, member);
      }
      return member;
    },
  };
}
