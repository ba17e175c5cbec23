/**
 * The App against GitHub's REST API (nock, network off, retries and throttling off), driven by real
 * payloads from @octokit/webhooks-examples. Every test asserts the write bodies and ends with all
 * registered interceptors used.
 */
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import app from "../../src/app.js";
import { MARKER } from "../../src/github/sticky-comment.js";
import { nockGitHub, seenRequests, type RepoSpec, type Route } from "../helpers/github-nock.js";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { GOOD } from "../helpers/proposal-scenario.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];

/** A real example payload of `name`/`action`, with an installation; deep-copied so tests may adapt it. */
function payload(name: string, action: string): Record<string, any> {
  const list = examples.find((e) => e.name === name)!.examples.filter((p) => p.action === action);
  const chosen = list.find((p) => p.installation) ?? list[0]!;
  return JSON.parse(JSON.stringify({ ...chosen, installation: chosen.installation ?? { id: 1 } })) as Record<string, any>;
}

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));

async function probot(): Promise<Probot> {
  const p = new Probot({ appId: 1, privateKey, Octokit: TestOctokit, logLevel: "fatal" });
  await p.load(app);
  return p;
}

const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const REVIEW: Route[] = ["token", "app", "files", "tree", "contents", "commit", "graphql", "check-create", "check-update", "pull", "comments"];

function spec(over: Partial<RepoSpec> = {}, owner = "Codertocat", repo = "Hello-World", number = 2): RepoSpec {
  return {
    owner,
    repo,
    installationId: 1,
    baseSha: BASE,
    headSha: HEAD,
    base: { ...GOOD.base } as Record<string, string | Buffer>,
    head: { ...GOOD.base, ...GOOD.head } as Record<string, string | Buffer>,
    pr: { number, body: GOOD.body },
    ...over,
  };
}

function prEvent(action: string, headSha = HEAD): Record<string, any> {
  const p = payload("pull_request", action === "edited" || action === "synchronize" ? "opened" : action);
  p.action = action;
  p.pull_request.head.sha = headSha;
  p.pull_request.base.sha = BASE;
  p.pull_request.body = GOOD.body;
  return p;
}

const checkBodies = (s: { writes: { method: string; path: string; body?: Record<string, any> }[] }) =>
  s.writes.filter((w) => w.path.includes("/check-runs")).map((w) => w.body!);
const commentWrites = (s: { writes: { method: string; path: string }[] }) =>
  s.writes.filter((w) => w.path.includes("/comments")).map((w) => `${w.method} ${w.path.replace(/\?.*$/, "")}`);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("pull_request", () => {
  it.each(["opened", "synchronize", "reopened", "ready_for_review"])("%s: check run in_progress then completed, one sticky comment created", async (action) => {
    const state = nockGitHub(spec(), [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent(action) } as never);
    const [start, done] = checkBodies(state);
    expect(start).toMatchObject({ name: "Fine-tuning review", head_sha: HEAD, status: "in_progress" });
    expect(done).toMatchObject({ status: "completed", conclusion: "success", output: { title: expect.stringMatching(/notice|No findings/) } });
    expect((done!.output as { summary: string }).summary).toContain("`ccccccc`");
    expect(commentWrites(state)).toEqual(["POST /repos/Codertocat/Hello-World/issues/2/comments"]);
    expect(state.comments[0]!.body.startsWith(MARKER)).toBe(true);
    expect(state.comments[0]!.body).toContain(`<!-- finetune-review:head=${HEAD} -->`);
    state.scope.done();
  });

  it("a failing proposal gets failure, annotations on files and lines, and links in the comment", async () => {
    const s = spec({
      base: { ...GOOD.base, ".github/CODEOWNERS": "/docs/ @acme/docs\n" },
      head: {
        ...GOOD.base,
        ".github/CODEOWNERS": "/docs/ @acme/docs\n",
        ...GOOD.head,
        "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"text": broken\n`,
      } as Record<string, string | Buffer>,
    });
    const state = nockGitHub(s, [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const done = checkBodies(state)[1]!;
    expect(done.conclusion).toBe("failure");
    const annotations = (done.output as { annotations: Record<string, unknown>[] }).annotations;
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: "data/train.jsonl",
        start_line: 121,
        end_line: 121,
        annotation_level: "failure",
        title: expect.stringContaining("dataset-format"),
      }),
    );
    expect(annotations).toContainEqual(
      expect.objectContaining({ path: "configs/router-lora.yml", annotation_level: "failure", title: expect.stringContaining("ownership") }),
    );
    expect(state.comments[0]!.body).toContain("https://github.com/Codertocat/Hello-World/blob/" + HEAD + "/data/train.jsonl#L121");
    state.scope.done();
  });

  it("more than 50 annotations go in batches of 50", async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `{"text": "broken ${i}`).join("\n");
    const head = { ...GOOD.base, ...GOOD.head, "data/a.jsonl": bad, "data/b.jsonl": bad, "data/c.jsonl": bad } as Record<string, string>;
    const state = nockGitHub(spec({ head }), [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const updates = checkBodies(state)
      .slice(1)
      .map((b) => (b.output as { annotations?: unknown[] }).annotations?.length ?? 0);
    expect(updates.length).toBeGreaterThan(1);
    expect(Math.max(...updates)).toBeLessThanOrEqual(50);
    expect(updates[0]).toBe(50);
    expect(checkBodies(state)[1]!.status).toBe("completed");
    state.scope.done();
  });

  it("updates its comment in place, deletes duplicates, and leaves others' comments alone", async () => {
    const comments = [
      { id: 1, body: "LGTM", user: { login: "octocat", type: "User" } },
      { id: 2, body: `${MARKER}\nold review`, user: { login: "finetune-review[bot]", type: "Bot" } },
      { id: 3, body: `${MARKER}\nquoted by a human`, user: { login: "octocat", type: "User" } },
      { id: 4, body: `${MARKER}\nduplicate`, user: { login: "finetune-review[bot]", type: "Bot" } },
    ];
    const state = nockGitHub(spec({ comments }), [...REVIEW, "comment-update", "comment-delete"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("synchronize") } as never);
    expect(commentWrites(state)).toEqual(["DELETE /repos/Codertocat/Hello-World/issues/comments/4", "PATCH /repos/Codertocat/Hello-World/issues/comments/2"]);
    expect(state.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(state.comments[1]!.body).toContain(`head=${HEAD}`);
    state.scope.done();
  });

  it("treats a duplicate another writer already deleted (404) as done, and the check keeps its result", async () => {
    const comments = [
      { id: 2, body: `${MARKER}\nold`, user: { login: "finetune-review[bot]", type: "Bot" } },
      { id: 4, body: `${MARKER}\nduplicate`, user: { login: "finetune-review[bot]", type: "Bot" } },
    ];
    const gone = nock("https://api.github.com").delete("/repos/Codertocat/Hello-World/issues/comments/4").reply(404, { message: "Not Found" });
    const state = nockGitHub(spec({ comments }), [...REVIEW, "comment-update"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("synchronize") } as never);
    expect(commentWrites(state)).toEqual(["PATCH /repos/Codertocat/Hello-World/issues/comments/2"]);
    const completed = checkBodies(state).filter((b) => b.status === "completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.conclusion).toBe("success");
    gone.done();
    state.scope.done();
  });

  it("never rewrites a completed check when a later read fails (a 404 on the comment list is logged only)", async () => {
    const list = nock("https://api.github.com").get("/repos/Codertocat/Hello-World/issues/2/comments").query(true).reply(404, { message: "Not Found" });
    const state = nockGitHub(
      spec(),
      REVIEW.filter((r) => r !== "comments" && r !== "app"),
    );
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const completed = checkBodies(state).filter((b) => b.status === "completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.conclusion).toBe("success");
    expect(checkBodies(state).some((b) => String(b.output?.title).includes("could not run"))).toBe(false);
    expect(commentWrites(state)).toEqual([]);
    list.done();
    state.scope.done();
  });

  it("converges to one comment when another writer created one between its list and its create", async () => {
    const state = nockGitHub(spec(), [...REVIEW, "comment-update", "comment-delete"]);
    // The other replica's comment (id 1) appears right after this one lists; this one's create gets a higher id.
    const early = { id: 1, body: `${MARKER}\nother replica`, user: { login: "finetune-review[bot]", type: "Bot" } };
    const create = nock("https://api.github.com")
      .post("/repos/Codertocat/Hello-World/issues/2/comments")
      .reply(201, (_uri, body) => {
        state.comments.push(early, { id: 50, body: (body as { body: string }).body, user: early.user });
        return { id: 50, body: (body as { body: string }).body };
      });
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    expect(commentWrites(state)).toEqual(["DELETE /repos/Codertocat/Hello-World/issues/comments/50", "PATCH /repos/Codertocat/Hello-World/issues/comments/1"]);
    expect(state.comments.map((c) => c.id)).toEqual([1]);
    expect(state.comments[0]!.body).toContain(`head=${HEAD}`);
    create.done();
    state.scope.done();
  });

  it("finds its comment on a later page and does not edit it when nothing changed", async () => {
    const others = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `chatter ${i}`, user: { login: "octocat", type: "User" } }));
    const state = nockGitHub(spec({ comments: others }), [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    await (await probot()).receive({ id: "2", name: "pull_request", payload: prEvent("synchronize") } as never);
    expect(commentWrites(state)).toEqual(["POST /repos/Codertocat/Hello-World/issues/2/comments"]);
    // The create is followed by one re-list (a concurrent writer's comment would show there); the unchanged run lists once.
    expect(state.requests.filter((r) => r.path.includes("/issues/2/comments?") && r.path.includes("page=2"))).toHaveLength(3);
    state.scope.done();
  });

  it("a review of an older head sha never overwrites the newer one's comment", async () => {
    // A Re-run of the old head's check: the PR (read once, at the job's start) has moved on, so nothing is written.
    const p = payload("check_run", "rerequested");
    Object.assign(p.repository, { name: "Hello-World", full_name: "Codertocat/Hello-World", html_url: "https://github.com/Codertocat/Hello-World" });
    p.repository.owner.login = "Codertocat";
    p.check_run.name = "Fine-tuning review";
    p.check_run.head_sha = HEAD;
    p.check_run.pull_requests = [{ number: 2, head: { sha: HEAD }, base: { sha: BASE } }];
    const state = nockGitHub(
      spec({ pr: { number: 2, body: GOOD.body, currentHeadSha: "d".repeat(40) } }),
      REVIEW.filter((r) => r !== "app"),
    );
    await (await probot()).receive({ id: "1", name: "check_run", payload: p } as never);
    expect(checkBodies(state)[0]).toMatchObject({ head_sha: HEAD, status: "in_progress" });
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: "success" });
    expect(commentWrites(state)).toEqual([]);
    state.scope.done();
  });

  it("a PR without fine-tuning artifacts still gets a completed check, and no comment", async () => {
    const state = nockGitHub(spec({ head: { ...GOOD.base, "README.md": "# docs only\n" } }), [
      "token",
      "app",
      "files",
      "tree",
      "contents",
      "commit",
      "check-create",
      "check-update",
      "pull",
      "comments",
    ]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: "success", output: { title: "No fine-tuning artifacts changed" } });
    expect(commentWrites(state)).toEqual([]);
    state.scope.done();
  });

  it("edited runs only when the description changed", async () => {
    const untouched = prEvent("edited");
    untouched.changes = { title: { from: "old title" } };
    const none = nockGitHub(spec(), []);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: untouched } as never);
    expect(none.requests).toEqual([]);
    const state = nockGitHub(spec(), [...REVIEW, "comment-create"]);
    const changed = prEvent("edited");
    changed.changes = { body: { from: "old description" } };
    await (await probot()).receive({ id: "2", name: "pull_request", payload: changed } as never);
    expect(checkBodies(state)).toHaveLength(2);
    state.scope.done();
  });

  it("_extends: .github inherits the organisation's config (here fail_on: warning)", async () => {
    const base = { ...GOOD.base, ".github/finetune-review.yml": "_extends: .github\n" };
    const head = { ...base, ...GOOD.head, "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}`.split("\n").slice(0, 30).join("\n") + "\n" } as Record<
      string,
      string | Buffer
    >;
    const state = nockGitHub(spec({ base, head }), [...REVIEW, "comment-create"]);
    // The path as segments (not `.github%2F…`), with the pinned API version.
    const org = nock(API, { reqheaders: { "x-github-api-version": "2022-11-28" } })
      .get("/repos/Codertocat/.github/contents/.github/finetune-review.yml")
      .reply(200, "fail_on: warning\n");
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const done = checkBodies(state)[1]!;
    expect(JSON.stringify(done.output)).toContain("dataset-size");
    expect(done.conclusion).toBe("failure");
    org.done();
    state.scope.done();
  });

  it("an invalid base config fails the check with the key path, and nothing else runs", async () => {
    const base = { ...GOOD.base, ".github/finetune-review.yml": "fail_on: sometimes\n" };
    const state = nockGitHub(spec({ base, head: { ...base, ...GOOD.head } as Record<string, string> }), [
      "token",
      "app",
      "tree",
      "contents",
      "check-create",
      "check-update",
      "pull",
      "comments",
      "comment-create",
    ]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const done = checkBodies(state)[1]!;
    expect(done.conclusion).toBe("failure");
    expect(JSON.stringify(done.output)).toContain("config-invalid");
    expect(JSON.stringify(done.output)).toContain("fail_on");
    expect(state.requests.some((r) => r.path.includes("/pulls/2/files"))).toBe(false);
    state.scope.done();
  });

  it("when GitHub fails, the check completes with on_error's conclusion and says how to re-run", async () => {
    const base = { ...GOOD.base, ".github/finetune-review.yml": "on_error: neutral\n" };
    // The base tree answers the config read; the head tree and date are asked for with the failing file list.
    const state = nockGitHub(spec({ base }), ["token", "pull", "tree", "contents", "commit", "check-create", "check-update"]);
    nock(API).get("/repos/Codertocat/Hello-World/pulls/2/files").query(true).reply(502, { message: "Bad Gateway" });
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const done = checkBodies(state)[1]!;
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "The fine-tuning review could not run" } });
    expect((done.output as { summary: string }).summary).toMatch(/GitHub answered 502.*Re-run.*\/finetune-review/s);
    state.scope.done();
    expect(nock.isDone()).toBe(true);
  });
});

const API = "https://api.github.com";

function commentEvent(body: string, user = { login: "octocat", type: "User" }): Record<string, any> {
  const p = payload("issue_comment", "created");
  p.issue.number = 2;
  p.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/2" };
  p.comment.body = body;
  p.comment.id = 777;
  p.comment.user = { ...p.comment.user, ...user };
  return p;
}

describe("the /finetune-review command", () => {
  it.each([
    ["write", "write"],
    ["maintain", "write"],
    ["admin", "admin"],
  ])("%s users re-run it; the comment gets a reaction", async (role, permission) => {
    const state = nockGitHub(spec({ permission: { permission, role_name: role } }), [...REVIEW, "permission", "reaction", "comment-create"]);
    await (await probot()).receive({ id: "1", name: "issue_comment", payload: commentEvent("/finetune-review\nplease") } as never);
    expect(state.writes[0]).toMatchObject({ method: "POST", path: "/repos/Codertocat/Hello-World/issues/comments/777/reactions", body: { content: "eyes" } });
    expect(checkBodies(state)).toHaveLength(2);
    expect(state.requests.find((r) => r.path.includes("/collaborators/"))!.path).toBe("/repos/Codertocat/Hello-World/collaborators/octocat/permission");
    state.scope.done();
  });

  it("read-only users get a polite reply and nothing runs", async () => {
    const state = nockGitHub(spec({ permission: { permission: "read", role_name: "triage" } }), ["token", "permission", "comment-create"]);
    await (await probot()).receive({ id: "1", name: "issue_comment", payload: commentEvent("/finetune-review") } as never);
    expect(state.writes).toHaveLength(1);
    expect((state.writes[0]!.body as { body: string }).body).toMatch(/Only people with write, maintain or admin access .* so nothing was run/);
    expect(checkBodies(state)).toEqual([]);
    state.scope.done();
  });

  it.each([
    ["a bot", "/finetune-review", { login: "dependabot[bot]", type: "Bot" }],
    ["a quote", "> /finetune-review\nwhat does this do?", undefined],
    ["a later mention", "I think we should run /finetune-review again", undefined],
    ["a code block", "```\n/finetune-review\n```", undefined],
  ])("%s does not trigger it", async (_name, body, user) => {
    const state = nockGitHub(spec(), []);
    await (await probot()).receive({ id: "1", name: "issue_comment", payload: commentEvent(body, user) } as never);
    expect(state.requests).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a comment on an issue (not a PR) is ignored", async () => {
    const p = commentEvent("/finetune-review");
    delete p.issue.pull_request;
    const state = nockGitHub(spec(), []);
    await (await probot()).receive({ id: "1", name: "issue_comment", payload: p } as never);
    expect(state.requests).toEqual([]);
  });
});

describe("re-run buttons and the merge queue", () => {
  it("check_run.rerequested re-reviews the check's head sha; a fork's check finds its PR by commit", async () => {
    const p = payload("check_run", "rerequested");
    p.repository.name = "Hello-World";
    p.repository.owner.login = "Codertocat";
    p.repository.full_name = "Codertocat/Hello-World";
    p.repository.html_url = "https://github.com/Codertocat/Hello-World";
    p.check_run.name = "Fine-tuning review";
    p.check_run.head_sha = HEAD;
    p.check_run.pull_requests = [];
    const state = nockGitHub(spec(), [...REVIEW, "pulls-for-commit", "comment-create"]);
    await (await probot()).receive({ id: "1", name: "check_run", payload: p } as never);
    expect(checkBodies(state)[0]).toMatchObject({ head_sha: HEAD, status: "in_progress" });
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed" });
    state.scope.done();
  });

  it("check_run.rerequested for another app's check does nothing", async () => {
    const p = payload("check_run", "rerequested");
    const state = nockGitHub(spec(), []);
    await (await probot()).receive({ id: "1", name: "check_run", payload: p } as never);
    expect(state.requests).toEqual([]);
  });

  it("check_suite.rerequested re-reviews each PR of the suite", async () => {
    const p = payload("check_suite", "rerequested");
    p.check_suite.head_sha = HEAD;
    p.check_suite.pull_requests = [{ number: 2, head: { sha: HEAD }, base: { sha: BASE } }];
    const state = nockGitHub({ ...spec(), installationId: p.installation.id as number }, [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "check_suite", payload: p } as never);
    expect(checkBodies(state).map((b) => b.status)).toEqual(["in_progress", "completed"]);
    state.scope.done();
  });

  it("merge_group.checks_requested reports on the queue's sha, without a comment", async () => {
    const p = payload("merge_group", "checks_requested");
    p.merge_group.head_sha = HEAD;
    p.merge_group.base_sha = BASE;
    const s = spec({}, "octo-org", "octo-repo");
    const state = nockGitHub(s, ["token", "compare", "tree", "contents", "commit", "history", "check-create", "check-update"]);
    await (await probot()).receive({ id: "1", name: "merge_group", payload: p } as never);
    expect(checkBodies(state)[0]).toMatchObject({ head_sha: HEAD, name: "Fine-tuning review" });
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: expect.stringMatching(/success|neutral/) });
    expect(commentWrites(state)).toEqual([]);
    state.scope.done();
  });
});

describe("waivers", () => {
  const SECRET = `ghp_${"a1B2c3D4e5".repeat(3)}abcdef`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const waiverFile = `waivers:\n  - rule: dataset-sensitive\n    path: data/**\n    reason: "a revoked token kept to teach the model to refuse"\n    approved_by: "@acme/ml-platform"\n    expires: ${day(30)}\n`;
  const leaky = {
    ...GOOD.base,
    ...GOOD.head,
    "data/train.jsonl": `${String(GOOD.head["data/train.jsonl"])}${JSON.stringify({ text: `my token is ${SECRET}`, label: "billing" })}\n`,
  } as Record<string, string | Buffer>;

  it("a waiver on the base branch turns the failing review into a passing one, shown with its reason", async () => {
    const base = { ...GOOD.base, ".github/finetune-review-waivers.yml": waiverFile } as Record<string, string | Buffer>;
    const state = nockGitHub(spec({ base, head: { ...leaky, ".github/finetune-review-waivers.yml": waiverFile } }), [...REVIEW, "comment-create"]);
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    const done = checkBodies(state)[1]!;
    expect(done.conclusion).toBe("success");
    const annotations = (done.output as { annotations?: { title: string }[] }).annotations ?? [];
    expect(annotations.filter((a) => a.title.includes("dataset-sensitive"))).toEqual([]);
    expect(state.comments[0]!.body).toMatch(/Waived \(1\); they do not decide this check/);
    expect(state.comments[0]!.body).toContain("a revoked token kept to teach the model to refuse (approved by @\u200bacme/ml-platform, until");
    expect(state.comments[0]!.body).not.toContain(SECRET);
    state.scope.done();
  });

  it("a waiver the pull request adds applies only with an approving review of the head from an owner", async () => {
    const head = { ...leaky, ".github/finetune-review-waivers.yml": waiverFile };
    const unapproved = nockGitHub(
      spec({
        head,
        reviews: [
          { user: "mallory", state: "APPROVED" },
          { user: "alice", state: "APPROVED", commit_id: "d".repeat(40) },
        ],
        teams: { "acme/ml-platform": ["alice"] },
      }),
      [...REVIEW, "comment-create", "reviews", "team-membership"],
    );
    await (await probot()).receive({ id: "1", name: "pull_request", payload: prEvent("opened") } as never);
    expect(checkBodies(unapproved)[1]!.conclusion).toBe("failure");
    expect(unapproved.comments[0]!.body).toContain("applies once an owner of the path approves the head commit");
    // mallory approved the head but is not in the team; alice's approval is of an older commit.
    expect(unapproved.requests.map((r) => r.path)).toContain("/orgs/acme/teams/ml-platform/memberships/mallory");
    expect(unapproved.requests.map((r) => r.path)).not.toContain("/orgs/acme/teams/ml-platform/memberships/alice");
    unapproved.scope.done();
    nock.cleanAll();

    const approved = nockGitHub(spec({ head, reviews: [{ user: "alice", state: "APPROVED" }], teams: { "acme/ml-platform": ["alice"] } }), [
      ...REVIEW,
      "comment-create",
      "reviews",
      "team-membership",
    ]);
    await (await probot()).receive({ id: "2", name: "pull_request", payload: prEvent("opened") } as never);
    expect(checkBodies(approved)[1]!.conclusion).toBe("success");
    expect(approved.comments[0]!.body).toMatch(/Waived \(1\)/);
    approved.scope.done();
  });

  it("an approving review re-runs the review when the PR edits the waivers file, and does nothing otherwise", async () => {
    const review = (state: string) => {
      const p = payload("pull_request_review", "submitted");
      p.review.state = state;
      p.pull_request.number = 2;
      p.pull_request.head.sha = HEAD;
      return p;
    };
    const head = { ...leaky, ".github/finetune-review-waivers.yml": waiverFile };
    const state = nockGitHub(spec({ head, reviews: [{ user: "alice", state: "APPROVED" }], teams: { "acme/ml-platform": ["alice"] } }), [
      ...REVIEW,
      "comment-create",
      "reviews",
      "team-membership",
    ]);
    await (await probot()).receive({ id: "1", name: "pull_request_review", payload: review("approved") } as never);
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: "success" });
    state.scope.done();
    nock.cleanAll();

    // A comment-only review, or an approval of a PR that does not touch the waivers file, reviews nothing.
    const quiet = nockGitHub(spec(), ["token", "files"]);
    await (await probot()).receive({ id: "2", name: "pull_request_review", payload: review("commented") } as never);
    expect(quiet.requests).toEqual([]);
    await (await probot()).receive({ id: "3", name: "pull_request_review", payload: review("approved") } as never);
    expect(quiet.requests.map((r) => r.path.replace(/\?.*$/, ""))).toEqual(["/repos/Codertocat/Hello-World/pulls/2/files"]);
    expect(quiet.writes).toEqual([]);
    quiet.scope.done();
  });
});

/** The permission each REST route the App calls needs (GitHub's fine-grained permission tables). */
const ROUTE_PERMISSIONS: [RegExp, string, "read" | "write" | null][] = [
  [/^POST \/app\/installations\/\d+\/access_tokens$/, "app (JWT)", null],
  [/^GET \/app$/, "app (JWT)", null],
  [/^GET \/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/, "pull_requests", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/pulls\/\d+$/, "pull_requests", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/commits\/[0-9a-f]{40}\/pulls$/, "pull_requests", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/compare\/[^/]+$/, "contents", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/git\/trees\/[^/]+$/, "contents", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/git\/blobs\/[^/]+$/, "contents", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/contents\/.+$/, "contents", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/commits(\/[0-9a-f]{40})?$/, "contents", "read"],
  [/^(POST|PATCH) \/repos\/[^/]+\/[^/]+\/check-runs(\/\d+)?$/, "checks", "write"],
  [/^GET \/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/, "pull_requests", "read"],
  [/^POST \/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/, "pull_requests", "write"],
  [/^(PATCH|DELETE) \/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/, "pull_requests", "write"],
  [/^POST \/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/, "pull_requests", "write"],
  [/^GET \/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/, "metadata", "read"],
  [/^GET \/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/, "pull_requests", "read"],
  [/^GET \/orgs\/[^/]+\/teams\/[^/]+\/memberships\/[^/]+$/, "members", "read"],
  // Queries only (file histories and blobs of the repository): contents read.
  [/^POST \/graphql$/, "contents", "read"],
];
/** The permission a GitHub App needs to receive each event it handles. */
const EVENT_PERMISSIONS: Record<string, [string, "read"]> = {
  pull_request: ["pull_requests", "read"],
  issue_comment: ["issues", "read"],
  check_run: ["checks", "read"],
  check_suite: ["checks", "read"],
  merge_group: ["merge_queues", "read"],
  pull_request_review: ["pull_requests", "read"],
};

describe("app.yml", () => {
  it("grants exactly the permissions the routes and events these tests exercised need", () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
      default_permissions: Record<string, string>;
      default_events: string[];
    };
    const needed: Record<string, "read" | "write"> = {};
    const need = (perm: string, level: "read" | "write") => {
      if (needed[perm] !== "write") needed[perm] = level;
    };
    const routes = new Set(seenRequests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`));
    expect(routes.size).toBeGreaterThan(10);
    for (const route of routes) {
      const match = ROUTE_PERMISSIONS.find(([re]) => re.test(route));
      expect({ route, mapped: Boolean(match) }).toEqual({ route, mapped: true });
      if (match?.[2]) need(match[1], match[2]);
    }
    for (const event of manifest.default_events) {
      expect(Object.keys(EVENT_PERMISSIONS)).toContain(event);
      need(...EVENT_PERMISSIONS[event]!);
    }
    expect([...manifest.default_events].sort()).toEqual(Object.keys(EVENT_PERMISSIONS).sort());
    expect(manifest.default_permissions).toEqual(needed);
  });

  it("leaves the webhook URL to the setup page (WEBHOOK_PROXY_URL): Probot spreads app.yml over it", () => {
    // probot/lib/manifest-creation.js builds { hook_attributes: { url: WEBHOOK_PROXY_URL || baseUrl }, ..., ...manifest }.
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty("hook_attributes");
    expect(manifest).toMatchObject({ name: "finetune-review", public: false });
  });
});
