/**
 * End to end with no mocks in the process: the real server (started as `npm start` does) receives
 * HMAC-signed webhooks over HTTP and talks to a fake GitHub API on 127.0.0.1 backed by a real git
 * repository. The fake sees the check run and the sticky comment the review implies.
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

function prPayload(action: string, sha: string): Record<string, any> {
  const p = JSON.parse(
    JSON.stringify(examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "opened" && x.installation)!),
  ) as Record<string, any>;
  p.action = action;
  p.installation = { id: 7 };
  p.repository.owner.login = "acme";
  p.repository.name = "models";
  p.repository.full_name = "acme/models";
  p.repository.html_url = "https://github.com/acme/models";
  p.pull_request.number = 2;
  p.pull_request.head.sha = sha;
  p.pull_request.base.sha = baseSha;
  p.pull_request.body = GOOD.body;
  return p;
}

beforeAll(async () => {
  repo = await createTempRepo();
  baseSha = await repo.commit({ ...GOOD.base, ".github/CODEOWNERS": "/configs/ @acme/ml-platform\n" }, { date: "2026-01-10T10:00:00Z" });
  await repo.branch("proposal");
  headSha = await repo.commit({ ...GOOD.head, "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"text": "broken\n` }, { date: "2026-03-01T10:00:00Z" });
  fake = await startFakeGitHub({
    repoDir: repo.dir,
    owner: "acme",
    repo: "models",
    installationId: 7,
    pulls: [{ number: 2, baseRef: "main", headRef: "proposal", body: GOOD.body }],
  });
  server = await startAppServer(fake.host);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await repo?.cleanup();
});

describe("the real server against a fake GitHub", () => {
  it("answers /health", async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("rejects a missing or wrong signature with 4xx before any API call", async () => {
    const before = fake.requests.length;
    const unsigned = await deliver(server, "pull_request", prPayload("opened", headSha), { signature: null });
    const wrong = await deliver(server, "pull_request", prPayload("opened", headSha), { signature: `sha256=${"0".repeat(64)}` });
    const otherSecret = await deliver({ url: server.url, secret: "not-the-secret" }, "pull_request", prPayload("opened", headSha));
    for (const status of [unsigned, wrong, otherSecret]) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.length).toBe(before);
  });

  it("a signed pull_request.opened gives a completed check run with annotations and one sticky comment", async () => {
    expect(await deliver(server, "pull_request", prPayload("opened", headSha))).toBeLessThan(300);
    await waitFor(() => fake.checkRuns.some((c) => c.status === "completed") && fake.comments.length === 1);
    const [run] = fake.checkRuns;
    expect(run).toMatchObject({ name: "Fine-tuning review", head_sha: headSha, status: "completed", conclusion: "failure" });
    expect(run!.history[0]).toMatchObject({ status: "in_progress" });
    const annotations = run!.output!.annotations as { path: string; start_line: number; annotation_level: string; title: string }[];
    expect(annotations).toContainEqual(expect.objectContaining({ path: "data/train.jsonl", start_line: 121, annotation_level: "failure" }));
    expect(annotations).toContainEqual(
      expect.objectContaining({ path: "data/eval.jsonl", annotation_level: "failure", title: expect.stringContaining("ownership") }),
    );
    const [comment] = fake.comments;
    expect(comment!.user).toMatchObject({ login: "finetune-review[bot]", type: "Bot" });
    expect(comment!.body).toContain("<!-- finetune-review -->");
    expect(comment!.body).toContain(headSha.slice(0, 7));
    expect(comment!.body).toContain("dataset-format");
    expect(comment!.body).toContain("ownership");
  });

  it("a redelivery and a synchronize update the one comment in place, never duplicating it", async () => {
    await deliver(server, "pull_request", prPayload("opened", headSha));
    headSha = await repo.commit({ "data/train.jsonl": GOOD.head["data/train.jsonl"]! }, { date: "2026-03-02T10:00:00Z" });
    expect(await deliver(server, "pull_request", prPayload("synchronize", headSha))).toBeLessThan(300);
    await waitFor(() => fake.checkRuns.some((c) => c.head_sha === headSha && c.status === "completed") && (fake.comments[0]?.body.includes(headSha) ?? false));
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]!.body).not.toContain("dataset-format");
    expect(fake.checkRuns.find((c) => c.head_sha === headSha)!.conclusion).toBe("failure");
    expect(fake.checkRuns.every((c) => c.status === "completed")).toBe(true);
    expect(fake.requests.filter((r) => r.route.startsWith("PATCH /repos/{owner}/{repo}/issues/comments/")).length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.filter((r) => r.route === "POST /repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(1);
  });

  it("never logs the private key, the webhook secret or the installation token", () => {
    const logs = server.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(server.secret);
    expect(logs).not.toContain(server.privateKey.split("\n")[1]!);
    expect(logs).not.toMatch(/ghs_[A-Za-z0-9]{10,}/);
  });
});
