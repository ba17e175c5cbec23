/**
 * Webhook security and secrets through the real server: slash commands that must run nothing, a
 * review whose data holds API keys, with LOG_LEVEL=trace, whose logs must hold none of them, and a
 * fork's PR that edits the repo config to weaken its own review.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver, waitFor } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import { BOT, OWNER, REPO, completedOn, prPayload, proposalRepo, slashComment, startStack, type Stack } from "./harness.js";

const OPENAI = `sk-proj-${"A1b2C3d4E5".repeat(4)}`;
const AWS = "AKIAIOSFODNN7EXAMPLE";
const GH = `ghp_${"x9Y8z7W6v5".repeat(3)}123456`;

let repo: TempRepo;
let baseSha: string;
let headSha: string;
let stack: Stack;

beforeAll(async () => {
  const secrets = [OPENAI, AWS, GH].map((k, i) => JSON.stringify({ text: `use key ${k} to call the api ${i}`, label: "billing" })).join("\n");
  ({ repo, baseSha, headSha } = await proposalRepo({ head: { "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}${secrets}\n` } }));
  stack = await startStack(repo.dir, { env: { LOG_LEVEL: "trace" } });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await repo?.cleanup();
});

describe("webhook security", () => {
  it("a review of data holding API keys logs none of them, nor the App's token or key", async () => {
    await deliver(stack.server, "pull_request", prPayload("opened", 2, headSha, baseSha));
    await waitFor(() => completedOn(stack.fake, headSha).length === 1, 60_000);
    const run = completedOn(stack.fake, headSha)[0]!;
    expect(JSON.stringify(run.output)).toContain("dataset-sensitive");
    const logs = stack.server.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [OPENAI, AWS, GH, stack.server.secret, stack.server.privateKey.split("\n")[1]!]) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/ghs_fake\w+/);
    for (const secret of [OPENAI, AWS, GH]) expect(JSON.stringify(stack.fake.checkRuns) + JSON.stringify(stack.fake.comments)).not.toContain(secret);
  }, 90_000);

  it.each([
    ["a reader", "/finetune-review", { login: "reader", type: "User" }, "created"],
    ["a bot", "/finetune-review", { login: "other-app[bot]", type: "Bot" }, "created"],
    ["an edited comment", "/finetune-review", { login: "maintainer", type: "User" }, "edited"],
    ["a quote", "> /finetune-review", { login: "maintainer", type: "User" }, "created"],
    ["a code block", "```\n/finetune-review\n```", { login: "maintainer", type: "User" }, "created"],
  ])("a slash command from %s runs nothing", async (_name, body, user, action) => {
    const before = stack.fake.checkRuns.length;
    const writesBefore = stack.fake.requests.filter((r) => r.route.includes("check-runs") && r.method !== "GET").length;
    expect(await slashComment(stack, 2, body, user, action)).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 1500));
    expect(stack.fake.checkRuns.length).toBe(before);
    expect(stack.fake.requests.filter((r) => r.route.includes("check-runs") && r.method !== "GET").length).toBe(writesBefore);
    expect(stack.fake.reactions.filter((r) => r.content === "eyes")).toHaveLength(0);
  });
});

const FORK_OWNER = "mallory";
const FORK = `${FORK_OWNER}/${REPO}`;
const FORK_PR = 5;
type Payload = ReturnType<typeof prPayload>;

/**
 * The webhook example retargeted as a PR from `mallory/models` (a fork) into `acme/models`: author,
 * sender and head are the fork's; every API URL points at the fake, so following one would be recorded.
 */
function forkPayload(headSha: string, baseSha: string, apiUrl: string): Payload {
  const text = JSON.stringify(prPayload("opened", FORK_PR, headSha, baseSha)).replaceAll("https://api.github.com/", `${apiUrl}/api/v3/`);
  const p = JSON.parse(text.replaceAll("Codertocat/Hello-World", `${OWNER}/${REPO}`).replaceAll("Codertocat", FORK_OWNER)) as Payload;
  const forkRepo = JSON.parse(JSON.stringify(p.pull_request.head.repo).replaceAll(`${OWNER}/${REPO}`, FORK)) as Payload;
  p.pull_request.head = {
    ...p.pull_request.head,
    ref: "proposal",
    label: `${FORK_OWNER}:proposal`,
    repo: { ...forkRepo, id: forkRepo.id + 1, name: REPO, fork: true },
  };
  p.pull_request.base = { ...p.pull_request.base, ref: "main", label: `${OWNER}:main`, repo: { ...p.repository, fork: false } };
  return p;
}

describe("a pull request from a fork", () => {
  const WEAKER = "fail_on: never\nrules:\n  ownership:\n    enabled: false\n";
  let fork: { repo: TempRepo; baseSha: string; headSha: string };
  let forkStack: Stack;

  beforeAll(async () => {
    // The base config fails on errors and CODEOWNERS covers only evals/, so the proposal's three files have no owner.
    fork = await proposalRepo({
      base: { ".github/finetune-review.yml": "fail_on: error\n", ".github/CODEOWNERS": "/evals/ @acme/ml-platform\n" },
      head: { ".github/finetune-review.yml": WEAKER, ".github/CODEOWNERS": `* @${FORK_OWNER}\n` },
    });
    forkStack = await startStack(fork.repo.dir, {
      pulls: [{ number: FORK_PR, baseRef: "main", headRef: "proposal", body: GOOD.body, headRepoFullName: FORK }],
    });
  }, 60_000);

  afterAll(async () => {
    await forkStack?.stop();
    await fork?.repo.cleanup();
  });

  it("is read from the base repository only and reviewed under the base config; its config edit is validated and reported, not applied", async () => {
    const { fake, server } = forkStack;
    const { baseSha, headSha } = fork;
    const payload = forkPayload(headSha, baseSha, fake.url);
    expect(payload.pull_request.head.repo).toMatchObject({ full_name: FORK, fork: true, owner: { login: FORK_OWNER } });
    expect(payload.repository.full_name).toBe(`${OWNER}/${REPO}`);
    expect(await deliver(server, "pull_request", payload)).toBeLessThan(300);
    await waitFor(() => completedOn(fake, headSha).length === 1 && fake.comments.some((c) => c.issue_number === FORK_PR && c.user.login === BOT), 60_000);

    // Every request went to the base repository, the App's own routes or GraphQL about the base repository.
    for (const r of fake.requests) expect(`${r.method} ${r.path}`).toMatch(new RegExp(`^[A-Z]+ /(repos/${OWNER}/${REPO}/|app(/|$)|graphql$)`));
    expect(JSON.stringify(fake.requests)).not.toContain(FORK_OWNER);
    // The fork's branch name means nothing in the base repository: head files are read at the head sha.
    expect(fake.requests.filter((r) => /[?&](ref|sha)=proposal\b|\/(commits|trees)\/proposal\b/.test(r.path))).toHaveLength(0);
    // A file at a sha is read from the contents API at that sha, or (changed files at head, read together
    // over GraphQL) as the blob the tree at that sha names; GraphQL asks about the base repository only.
    const graphql = fake.requests.filter((r) => r.route === "POST /graphql").map((r) => r.body as { query: string; variables: Record<string, unknown> });
    for (const q of graphql) expect(q.variables).toMatchObject({ owner: OWNER, name: REPO });
    const read = async (path: string, sha: string) => {
      if (fake.requests.some((r) => r.path.startsWith(`/repos/${OWNER}/${REPO}/contents/${path}?`) && r.path.includes(`ref=${sha}`) && r.status === 200))
        return true;
      const blob = (await fork.repo.git("rev-parse", `${sha}:${path}`)).trim();
      return (
        fake.requests.some((r) => r.path.startsWith(`/repos/${OWNER}/${REPO}/git/trees/${sha}?`)) &&
        graphql.some((q) => q.query.includes(`object(oid: "${blob}")`))
      );
    };
    expect(await read("data/train.jsonl", headSha)).toBe(true);
    expect(await read(".github/finetune-review.yml", baseSha)).toBe(true);
    expect(await read(".github/finetune-review.yml", headSha)).toBe(true);

    // The base config rules: ownership, which the PR turned off (and tried to take over in CODEOWNERS), still fails the check.
    const run = completedOn(fake, headSha)[0]!;
    expect(run.conclusion).toBe("failure");
    const owned = (run.output?.annotations ?? []) as Array<{ path: string; title: string; annotation_level: string }>;
    const ownership = owned.filter((a) => a.title.startsWith("ownership:"));
    expect(ownership.map((a) => a.path).sort()).toEqual(["configs/router-lora.yml", "data/eval.jsonl", "data/train.jsonl"]);
    expect(ownership.every((a) => a.annotation_level === "failure")).toBe(true);
    const comment = fake.comments.find((c) => c.issue_number === FORK_PR && c.user.login === BOT)!;
    expect(comment.body).toContain("Fine-tuning review failed");
    expect(comment.body).toContain("`ownership`");

    // The PR's version is valid, so it is no finding; the review says it was not applied.
    for (const text of [run.output?.summary ?? "", comment.body]) {
      expect(text).not.toContain("config-invalid");
      expect(text).toMatch(/finetune-review\.yml[^\n]*valid[^\n]*base branch/);
    }
  }, 90_000);
});
