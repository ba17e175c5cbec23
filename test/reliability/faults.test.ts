/**
 * Fault injection at the fake GitHub, against the real server with Probot's retry and throttling
 * plugins on (as in production, with the App's throttle settings: a secondary rate limit is waited
 * out for its retry-after). Each scenario has its own fake and server so they run concurrently. Every
 * scenario ends with the check run completed, at most one sticky comment, the server still serving,
 * and a clean re-run.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { FailSpec, RecordedRequest } from "../helpers/fake-github.js";
import { deliver, waitFor } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { botComments, completedOn, prPayload, proposalRepo, settled, slashComment, startStack } from "./harness.js";

let repo: TempRepo;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  // on_error: neutral, so a review that could not run is told apart from the proposal's own conclusion (success).
  ({ repo, baseSha, headSha } = await proposalRepo({ base: { ".github/finetune-review.yml": "on_error: neutral\n" } }));
}, 60_000);

afterAll(async () => {
  await repo?.cleanup();
});

interface Fault {
  route: string | RegExp;
  spec: FailSpec;
}

const FILES = "GET /repos/{owner}/{repo}/pulls/{pull_number}/files";
const secondary = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

/** name, faults, expected first conclusion, what the failure summary must say (when the review fails), review timeout. */
const SCENARIOS: Array<[string, Fault[], "success" | "neutral" | "failure", RegExp?, string?]> = [
  ["a 500 burst shorter than the retries", [{ route: FILES, spec: { status: 500, times: 2 } }], "success"],
  ["a 502 burst longer than the retries", [{ route: FILES, spec: { status: 502, times: 4 } }], "neutral", /GitHub answered 502/],
  // The config itself is the first file read: unreadable, its on_error is unknown, so the safe default (failure) applies.
  ["a 503 burst on file contents", [{ route: "GET /repos/{owner}/{repo}/contents/{path}", spec: { status: 503, times: 4 } }], "failure", /GitHub answered 503/],
  [
    "500s when creating and completing the check run",
    [
      { route: "POST /repos/{owner}/{repo}/check-runs", spec: { status: 500, times: 2 } },
      { route: "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", spec: { status: 502, times: 1 } },
    ],
    "success",
  ],
  ["a 500 when creating the comment", [{ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", spec: { status: 500, times: 1 } }], "success"],
  [
    "a secondary rate limit (403 with retry-after), waited out",
    [{ route: FILES, spec: { status: 403, headers: { "retry-after": "1" }, body: secondary, times: 2 } }],
    "success",
  ],
  [
    "a secondary rate limit on a write (429 with retry-after)",
    [{ route: "POST /repos/{owner}/{repo}/check-runs", spec: { status: 429, headers: { "retry-after": "1" }, body: secondary, times: 1 } }],
    "success",
  ],
  [
    "a secondary rate limit that outlasts the retries",
    [{ route: FILES, spec: { status: 403, headers: { "retry-after": "1" }, body: secondary, times: 3 } }],
    "neutral",
    /GitHub answered 403.*secondary rate limit/,
  ],
  [
    "a secondary rate limit asking for more than a minute",
    [{ route: FILES, spec: { status: 403, headers: { "retry-after": "120" }, body: secondary, times: 1 } }],
    "neutral",
    /GitHub answered 403.*secondary rate limit/,
  ],
  ["a 429 with retry-after", [{ route: FILES, spec: { status: 429, headers: { "retry-after": "1" }, times: 2 } }], "success"],
  [
    "connection resets",
    [
      { route: "GET /repos/{owner}/{repo}/commits/{ref}", spec: { reset: true, times: 2 } },
      { route: "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", spec: { reset: true, times: 1 } },
    ],
    "success",
  ],
  ["connection resets beyond the retries", [{ route: "GET /repos/{owner}/{repo}/commits/{ref}", spec: { reset: true, times: 5 } }], "neutral", /commits/],
  ["a response slower than the review timeout", [{ route: FILES, spec: { delayMs: 8_000, times: 1 } }], "neutral", /took longer than 4 s/, "4000"],
  [
    "a GraphQL error (history falls back to REST)",
    [
      {
        route: "POST /graphql",
        spec: { status: 200, body: { data: null, errors: [{ type: "INTERNAL", message: "Something went wrong while executing your query." }] }, times: 10 },
      },
    ],
    "success",
  ],
  ["a GraphQL 502", [{ route: "POST /graphql", spec: { status: 502, times: 10 } }], "success"],
];

describe("fault injection at the fake GitHub", () => {
  it.concurrent.each(SCENARIOS)(
    "%s: the check completes, no duplicate comment, the server keeps serving",
    async (_name, faults, conclusion, says, timeoutMs) => {
      // Octokit has no request timeout; REVIEW_TIMEOUT_MS is what bounds a review stuck on a slow answer.
      const stack = await startStack(repo.dir, { env: { REVIEW_TIMEOUT_MS: timeoutMs ?? "60000" } });
      const { fake, server } = stack;
      try {
        for (const f of faults) fake.fail(f.route, f.spec);
        await deliver(server, "pull_request", prPayload("opened", 2, headSha, baseSha));
        await settled(fake, headSha, 1, 90_000);
        const [first] = completedOn(fake, headSha);
        expect(first!.conclusion).toBe(conclusion);
        if (says) {
          expect(first!.output?.title).toBe("The fine-tuning review could not run");
          expect(first!.output?.summary).toMatch(says);
          expect(first!.output?.summary).toMatch(/Re-run.*\/finetune-review/s);
        }
        expect(botComments(fake, 2).length).toBeLessThanOrEqual(1);
        expect(fake.checkRuns.filter((c) => c.head_sha === headSha)).toHaveLength(1);

        // Still serving: health, then a maintainer's re-run reviews cleanly and leaves one comment.
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
        await slashComment(stack, 2, "/finetune-review");
        await waitFor(() => completedOn(fake, headSha).length === 2 && botComments(fake, 2).length === 1, 60_000).catch((e: unknown) => {
          throw new Error(`${String(e)}\n${server.logs().slice(-2000)}`);
        });
        expect(completedOn(fake, headSha)[1]!.conclusion).toBe("success");
        expect(botComments(fake, 2)).toHaveLength(1);
        expect(server.logs()).not.toMatch(/unhandled ?rejection|uncaught ?exception/i);
      } finally {
        await stack.stop();
      }
    },
    150_000,
  );
});

describe("a review stopped by its timeout", () => {
  it("reads nothing more once the answer it was waiting for arrives", async () => {
    const stack = await startStack(repo.dir, { env: { REVIEW_TIMEOUT_MS: "2500" } });
    const { fake, server } = stack;
    try {
      // The changed files' contents (one GraphQL query, before the datasets are scanned) come late.
      fake.fail("POST /graphql", { delayMs: 5_000, times: 1 });
      await deliver(server, "pull_request", prPayload("opened", 2, headSha, baseSha));
      await settled(fake, headSha, 1, 30_000);
      expect(completedOn(fake, headSha)[0]!.output?.summary).toMatch(/took longer than 3 s/);
      const late = fake.requests.find((r) => r.route === "POST /graphql")!;
      await waitFor(() => late.status !== 0, 10_000);
      // Time for what a review left running would read next: label files, their histories, CODEOWNERS.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const after = fake.requests.slice(fake.requests.indexOf(late) + 1).map((r) => r.route);
      expect(after.filter((route) => route === "POST /graphql" || route === "GET /repos/{owner}/{repo}/contents/{path}")).toEqual([]);
      expect(server.logs()).not.toMatch(/unhandled ?rejection|uncaught ?exception/i);
    } finally {
      await stack.stop();
    }
  }, 60_000);
});

describe("a GraphQL failure", () => {
  /** The requests one review of PR 2 makes with `faults` injected. */
  async function requestsFor(faults: Fault[]): Promise<RecordedRequest[]> {
    const stack = await startStack(repo.dir, { env: { REVIEW_TIMEOUT_MS: "60000" } });
    try {
      for (const f of faults) stack.fake.fail(f.route, f.spec);
      await deliver(stack.server, "pull_request", prPayload("opened", 2, headSha, baseSha));
      await settled(stack.fake, headSha, 1, 60_000);
      expect(completedOn(stack.fake, headSha)[0]!.conclusion).toBe("success");
      return [...stack.fake.requests];
    } finally {
      await stack.stop();
    }
  }

  it("falls back to REST at once: no GraphQL query starts after the first one gives up, and REST adds a handful of reads, not a multiple", async () => {
    const batched = await requestsFor([]);
    const fallback = await requestsFor([
      {
        route: "POST /graphql",
        spec: { status: 200, body: { data: null, errors: [{ type: "INTERNAL", message: "Something went wrong while executing your query." }] }, times: 10 },
      },
    ]);
    // Octokit's retry plugin retries this message (GitHub's transient GraphQL error) like a 5xx: a query is
    // its attempts. Queries already in flight when the first one gives up may fail too; none starts after it.
    const attempts = new Map<string, RecordedRequest[]>();
    for (const r of fallback.filter((x) => x.route === "POST /graphql"))
      attempts.set(JSON.stringify(r.body), [...(attempts.get(JSON.stringify(r.body)) ?? []), r]);
    const gaveUp = Math.min(...[...attempts.values()].map((tries) => Math.max(...tries.map((r) => r.answeredAt ?? Infinity))));
    expect([...attempts.values()].filter((tries) => tries[0]!.arrivedAt > gaveUp)).toEqual([]);
    for (const tries of attempts.values()) expect(tries.length).toBeLessThanOrEqual(4);
    expect(fallback.filter((r) => r.route === "GET /repos/{owner}/{repo}/commits").length).toBeLessThanOrEqual(5);
    expect(fallback.length).toBeLessThanOrEqual(batched.length + 10);
  }, 120_000);
});
