import { CONFIG_PATH, type ExtendsResolver } from "../config/load-config.js";
import { encodePath, safePath } from "../sources/repo-path.js";
import type { GitHubClient, RepoRef } from "./client.js";

/**
 * Resolves an explicit `_extends`, in the spec syntax of Probot's `context.config()`: `.github` (the
 * organisation's `.github` repository), `repo`, `owner/repo`, each optionally `:path` (default
 * `.github/finetune-review.yml`), read from the target's default branch. Unlike `context.config()`,
 * a repository with no config file does not fall back to the organisation's `.github` repository: it
 * gets the defaults (the base branch alone decides). Each target is fetched once per review.
 */
export function extendsResolver(octokit: GitHubClient, repo: RepoRef): ExtendsResolver {
  const cache = new Map<string, Promise<{ text: string; origin: string } | null>>();
  return (spec) => {
    let hit = cache.get(spec);
    if (!hit) {
      hit = fetchConfig(octokit, repo, spec);
      cache.set(spec, hit);
    }
    return hit;
  };
}

async function fetchConfig(octokit: GitHubClient, repo: RepoRef, spec: string): Promise<{ text: string; origin: string } | null> {
  const m = /^(?:([\w.-]+)\/)?([\w.-]+)(?::(.+))?$/.exec(spec.trim());
  if (!m) return null;
  const owner = m[1] ?? repo.owner;
  const name = m[2]!;
  const path = safePath(m[3] ?? CONFIG_PATH);
  if (path === null) return null;
  try {
    const { data } = await octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, { owner, repo: name, mediaType: { format: "raw" } });
    return { text: typeof data === "string" ? data : JSON.stringify(data), origin: `${owner}/${name}:${path}` };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
