/**
 * The App's Octokit settings against nock (network off): throttling stays on here, since it is what
 * these tests are about; retries (5xx) are off so only rate limits retry. Request bodies are asserted
 * and every interceptor must be used.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import type { GitHubClient } from "../../src/github/client.js";
import { MAX_RETRY_AFTER_SECONDS, installationOctokit, serialiseWrites, throttleFor } from "../../src/github/octokit.js";

const API = "https://api.github.com";
const secondary = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};
const CHECK = { name: "Fine-tuning review", head_sha: "a".repeat(40), status: "in_progress" as const };

/** An Octokit as the App makes it for installation 7, with `retry-after` seconds counted as 10 ms. */
function client(): GitHubClient {
  const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false } }));
  const octokit = new Octokit({ auth: { token: "t" }, throttle: { ...throttleFor(7), retryAfterBaseValue: 10 } as never });
  serialiseWrites(octokit, "installation-7");
  return octokit;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("throttling", () => {
  it("writes are not spaced a second apart", async () => {
    const scope = nock(API).post("/repos/acme/models/check-runs", CHECK).times(3).reply(201, { id: 1 });
    const octokit = client();
    const started = performance.now();
    for (let i = 0; i < 3; i++) await octokit.rest.checks.create({ owner: "acme", repo: "models", ...CHECK });
    // Probot's default write limiter alone would take 2 s here.
    expect(performance.now() - started).toBeLessThan(900);
    scope.done();
  });

  it("a secondary rate limit is waited out as retry-after says, then the request succeeds", async () => {
    const scope = nock(API)
      .post("/repos/acme/models/check-runs", CHECK)
      .reply(403, secondary, { "retry-after": "3" })
      .post("/repos/acme/models/check-runs", CHECK)
      .reply(429, secondary, { "retry-after": "1" })
      .post("/repos/acme/models/check-runs", CHECK)
      .reply(201, { id: 42 });
    const started = performance.now();
    const { data } = await client().rest.checks.create({ owner: "acme", repo: "models", ...CHECK });
    expect(data.id).toBe(42);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    scope.done();
  });

  it("gives up after two retries, and at once when retry-after is longer than a minute", async () => {
    const scope = nock(API).get("/repos/acme/models/pulls/1").times(3).reply(403, secondary, { "retry-after": "1" });
    await expect(client().rest.pulls.get({ owner: "acme", repo: "models", pull_number: 1 })).rejects.toMatchObject({ status: 403 });
    scope.done();
    const long = nock(API)
      .get("/repos/acme/models/pulls/2")
      .reply(429, secondary, { "retry-after": String(MAX_RETRY_AFTER_SECONDS + 1) });
    const started = performance.now();
    await expect(client().rest.pulls.get({ owner: "acme", repo: "models", pull_number: 2 })).rejects.toMatchObject({ status: 429 });
    expect(performance.now() - started).toBeLessThan(500);
    long.done();
  });
});

describe("serialiseWrites", () => {
  it("runs one write at a time per installation; reads do not wait", async () => {
    const events: string[] = [];
    const scope = nock(API)
      .patch("/repos/acme/models/check-runs/1", { status: "completed", conclusion: "success" })
      .delay(100)
      .reply(200, () => (events.push("write 1 done"), { id: 1 }))
      .patch("/repos/acme/models/check-runs/2", { status: "completed", conclusion: "success" })
      .reply(200, () => (events.push("write 2 done"), { id: 2 }))
      .get("/repos/acme/models/pulls/1")
      .reply(200, () => (events.push("read done"), { number: 1 }));
    const octokit = client();
    const done = { owner: "acme", repo: "models", status: "completed" as const, conclusion: "success" as const };
    await Promise.all([
      octokit.rest.checks.update({ ...done, check_run_id: 1 }),
      octokit.rest.checks.update({ ...done, check_run_id: 2 }),
      octokit.rest.pulls.get({ owner: "acme", repo: "models", pull_number: 1 }),
    ]);
    expect(events).toEqual(["read done", "write 1 done", "write 2 done"]);
    scope.done();
  });
});

describe("installationOctokit", () => {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });

  it("shares Probot's installation-token cache: one token for many events", async () => {
    const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
    const probot = new Probot({ appId: 1, privateKey, Octokit: TestOctokit, logLevel: "fatal" });
    const scope = nock(API)
      .post("/app/installations/7/access_tokens")
      .reply(201, { token: "ghs_one", expires_at: "2099-01-01T00:00:00Z" })
      .get("/repos/acme/models/pulls/1")
      .times(2)
      .matchHeader("authorization", "token ghs_one")
      .reply(200, { number: 1 });
    for (let i = 0; i < 2; i++) await (await installationOctokit(probot, 7)).rest.pulls.get({ owner: "acme", repo: "models", pull_number: 1 });
    scope.done();
  });

  it("gives Probot's Octokit the App's throttle settings: writes unspaced, a secondary rate limit retried", async () => {
    // Probot's own throttle options (as `probot run` sets them), retry-after counted in ms.
    const Throttled = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { ...(o.throttle as object), retryAfterBaseValue: 1 },
    }));
    const probot = new Probot({ appId: 1, privateKey, Octokit: Throttled, logLevel: "fatal" });
    const scope = nock(API)
      .post("/app/installations/7/access_tokens")
      .reply(201, { token: "ghs_two", expires_at: "2099-01-01T00:00:00Z" })
      .post("/repos/acme/models/check-runs", CHECK)
      .reply(403, secondary, { "retry-after": "1" })
      .post("/repos/acme/models/check-runs", CHECK)
      .times(3)
      .reply(201, { id: 9 });
    const octokit = await installationOctokit(probot, 7);
    const started = performance.now();
    for (let i = 0; i < 3; i++) expect((await octokit.rest.checks.create({ owner: "acme", repo: "models", ...CHECK })).data.id).toBe(9);
    expect(performance.now() - started).toBeLessThan(900);
    scope.done();
  });
});
