import type { Logger, Probot, ProbotOctokit } from "probot";
import type { GitHubClient } from "./client.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
type ThrottleOptions = NonNullable<OctokitOptions["throttle"]>;
/** plugin-throttling's rate-limit callback: `true` retries after `retryAfter` seconds. */
type LimitHandler = (retryAfter: number, options: { method: string; url: string }, octokit: unknown, retryCount: number) => boolean;
type LimiterGroup = NonNullable<ThrottleOptions["write"]>;

/** The REST API version every request asks for. */
export const GITHUB_API_VERSION = "2022-11-28";

/** Rate-limited requests are retried at most this many times... */
export const MAX_RATE_LIMIT_RETRIES = 2;
/** ...and only when GitHub asks to wait at most this long (seconds); longer waits fail the request. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Stands in for plugin-throttling's `write` group, which spaces every write 1 s apart per throttle id
 * (one id for the whole process under Probot). Writes are paced by {@link serialiseWrites} and by
 * GitHub's own `retry-after` instead. The plugin only ever calls `key(id).schedule(options, job)`.
 */
const UNSPACED = {
  key: () => ({ schedule: <T>(_options: unknown, job: () => Promise<T>): Promise<T> => job() }),
} as unknown as LimiterGroup;

/** Whether to wait out a rate limit: bounded in count and in time, so a review never hangs on one. */
function boundedRetry(kind: string, log?: Logger): LimitHandler {
  return (retryAfter, options, _octokit, retryCount) => {
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RETRY_AFTER_SECONDS;
    log?.warn({ method: options.method, url: options.url.replace(/[?#].*$/, ""), retryAfter, retryCount, retry }, `GitHub ${kind}`);
    return retry;
  };
}

/**
 * The App's throttle settings for one installation: Probot's plugin stays on (its concurrency cap,
 * the 3 s spacing of comment creation, per installation), without the fixed 1 s write spacing, and
 * a secondary rate limit is waited out as GitHub's `retry-after` says (bounded) instead of failing.
 */
export function throttleFor(installationId: number, log?: Logger): ThrottleOptions {
  return {
    id: `installation-${installationId}`,
    write: UNSPACED,
    onSecondaryRateLimit: boundedRetry("secondary rate limit", log),
    onRateLimit: boundedRetry("rate limit", log),
  };
}

const lanes = new Map<string, Promise<void>>();

/**
 * One write at a time per installation in this process (GitHub's guidance for avoiding secondary
 * rate limits); reads are left to the throttling plugin's cap. The wrapper sits outside the retry and
 * throttling plugins, so a write waiting out `retry-after` holds back the installation's other writes too.
 */
export function serialiseWrites(octokit: GitHubClient, key: string): void {
  octokit.hook.wrap("request", async (request, options) => {
    const path = new URL(options.url, "http://github.invalid").pathname;
    // GraphQL here is queries only (reads); token creation is the auth group's business.
    if (options.method === "GET" || options.method === "HEAD" || /\/graphql$/.test(path) || /\/access_tokens$/.test(path)) return request(options);
    const previous = lanes.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const mine = previous.then(() => done);
    lanes.set(key, mine);
    await previous;
    try {
      return await request(options);
    } finally {
      release();
      if (lanes.get(key) === mine) lanes.delete(key);
    }
  });
}

/** What octokit-auth-probot hands an installation `factory`: the app Octokit, its options and auth. */
interface FactoryInput {
  octokit: GitHubClient;
  octokitOptions: OctokitOptions;
}

/**
 * An Octokit for one installation with the App's throttle settings and serialised writes. It is made
 * the way Probot makes `context.octokit` (the app Octokit's installation `factory`), so it shares
 * Probot's options, logger and installation-token cache: a token is requested once per hour, not per
 * event. Throttling stays off when the Probot instance turned it off (tests).
 */
export async function installationOctokit(probot: Probot, installationId: number, log?: Logger): Promise<GitHubClient> {
  const app = await probot.auth();
  const client = (await app.auth({
    type: "installation",
    installationId,
    factory: ({ octokit, octokitOptions }: FactoryInput) => {
      const Octokit = octokit.constructor as typeof ProbotOctokit;
      const base = octokitOptions.throttle;
      const throttle = base?.enabled === false ? base : { ...base, ...throttleFor(installationId, log) };
      return new Octokit({
        ...octokitOptions,
        ...(log && { log }),
        throttle: throttle as ThrottleOptions,
        auth: { ...(octokitOptions.auth as object), installationId },
      });
    },
  })) as GitHubClient;
  serialiseWrites(client, `installation-${installationId}`);
  // Pins the REST API version the routes were checked against, so a new default never changes a response shape.
  client.hook.before("request", (options) => {
    options.headers["x-github-api-version"] ??= GITHUB_API_VERSION;
  });
  return client;
}
