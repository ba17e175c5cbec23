/**
 * SIGTERM on the real server (started as the Dockerfile does) while a review runs: the review
 * finishes, the check completes, and the process exits within its grace period. Without the drain
 * the process died at once and the check stayed `in_progress`.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { deliver, startAppServer, waitFor, type AppServer } from "../helpers/app-server.js";
import { GOOD } from "../helpers/proposal-scenario.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, any>[] }[];

let repo: TempRepo;
let fake: FakeGitHub;
let server: AppServer;
let headSha: string;
let baseSha: string;

beforeAll(async () => {
  repo = await createTempRepo();
  baseSha = await repo.commit(GOOD.base, { date: "2026-01-10T10:00:00Z" });
  await repo.branch("proposal");
  headSha = await repo.commit(GOOD.head, { date: "2026-03-01T10:00:00Z" });
  fake = await startFakeGitHub({
    repoDir: repo.dir,
    owner: "acme",
    repo: "models",
    installationId: 7,
    pulls: [{ number: 2, baseRef: "main", headRef: "proposal", body: GOOD.body }],
  });
  server = await startAppServer(fake.host, { SHUTDOWN_GRACE_MS: "20000" });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await repo?.cleanup();
});

describe("SIGTERM", () => {
  it("lets the running review finish and complete its check, then exits within the grace period", async () => {
    const p = JSON.parse(
      JSON.stringify(examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "opened" && x.installation)!),
    ) as Record<string, any>;
    p.installation = { id: 7 };
    Object.assign(p.repository, { name: "models", full_name: "acme/models", html_url: "https://github.com/acme/models" });
    p.repository.owner.login = "acme";
    Object.assign(p.pull_request, { number: 2, body: GOOD.body });
    p.pull_request.head.sha = headSha;
    p.pull_request.base.sha = baseSha;
    // Slow reads keep the review running while the signal arrives.
    fake.fail(/pulls\/2\/files/, { delayMs: 3_000, times: 3 });
    const delivered = deliver(server, "pull_request", p).catch(() => 0);
    await waitFor(() => fake.checkRuns.some((c) => c.status === "in_progress"));
    const started = Date.now();
    await server.stop();
    const took = Date.now() - started;
    await delivered;
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]!.status).toBe("completed");
    expect(fake.checkRuns[0]!.conclusion).toBe("success");
    expect(took).toBeLessThan(20_000);
    expect(server.logs()).toContain("stopping: waiting for running reviews");
  });
});
