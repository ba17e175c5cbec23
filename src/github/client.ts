import type { ProbotOctokit } from "probot";

/** The authenticated Octokit Probot hands to event handlers. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** A repository, as the REST routes name it. */
export interface RepoRef {
  owner: string;
  repo: string;
}
