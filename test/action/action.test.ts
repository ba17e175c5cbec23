/**
 * Action mode (src/action.ts) on recorded workflow event files, against GitHub's REST API in nock
 * (network off, retries and throttling off): the check run, the sticky comment written as
 * github-actions[bot] with the workflow token, the step's exit code, outputs and summary.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { WORKFLOW_BOT_LOGIN, runAction, type ActionResult } from "../../src/action.js";
import { MARKER } from "../../src/github/sticky-comment.js";
import { API, nockGitHub, type FakeState, type RepoSpec, type Route } from "../helpers/github-nock.js";
import { GOOD } from "../helpers/proposal-scenario.js";

const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
const EVENTS = new URL("./events/", import.meta.url);
const TOKEN = "ghs_workflow_token_for_tests";
const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const REVIEW: Route[] = ["files", "tree", "contents", "commit", "history", "check-create", "check-update", "pull", "comments"];

let tmp: string;
beforeAll(async () => {
  nock.disableNetConnect();
  tmp = await mkdtemp(join(tmpdir(), "ftr-action-"));
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  await rm(tmp, { recursive: true, force: true });
});

function spec(over: Partial<RepoSpec> = {}): RepoSpec {
  return {
    owner: "Codertocat",
    repo: "Hello-World",
    installationId: 1,
    baseSha: BASE,
    headSha: HEAD,
    base: { ...GOOD.base } as Record<string, string>,
    head: { ...GOOD.base, ...GOOD.head } as Record<string, string>,
    pr: { number: 2, body: GOOD.body },
    appSlug: "github-actions",
    ...over,
  };
}

/** Every Authorization header the fake saw, to prove the workflow token (and only it) was used. */
function authHeaders(state: FakeState): string[] {
  const seen: string[] = [];
  state.scope.on("request", (req: { headers: Record<string, string | string[] | undefined> }) => seen.push(String(req.headers.authorization)));
  return seen;
}

interface Run extends ActionResult {
  log: string;
  output: string;
  summary: string;
}

/** Runs the action as the runner would: env from the workflow, the event file on disk, GITHUB_OUTPUT and step summary files. */
async function action(eventName: string, eventFile: string, env: Record<string, string> = {}): Promise<Run> {
  const outputFile = join(tmp, `output-${Math.random()}`);
  const summaryFile = join(tmp, `summary-${Math.random()}`);
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  let log = "";
  const out = new Writable({ write: (chunk, _enc, done) => ((log += String(chunk)), done()) });
  const result = await runAction({
    env: {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventFile.startsWith("/") ? eventFile : new URL(eventFile, EVENTS).pathname,
      "INPUT_GITHUB-TOKEN": TOKEN,
      GITHUB_REPOSITORY: "Codertocat/Hello-World",
      GITHUB_API_URL: API,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_RUN_ID: "123",
      ...env,
    },
    Octokit: TestOctokit,
    out,
  });
  return { ...result, log, output: await readFile(outputFile, "utf8"), summary: await readFile(summaryFile, "utf8") };
}

const checkBodies = (s: FakeState) => s.writes.filter((w) => w.path.includes("/check-runs")).map((w) => w.body!);
const commentWrites = (s: FakeState) => s.writes.filter((w) => w.path.includes("/comments")).map((w) => `${w.method} ${w.path.replace(/\?.*$/, "")}`);

describe("pull_request", () => {
  it("a sound proposal: check in_progress then success, one sticky comment, exit 0, outputs and summary", async () => {
    const state = nockGitHub(spec(), [...REVIEW, "comment-create"]);
    const auth = authHeaders(state);
    const run = await action("pull_request", "pull_request.opened.json");
    const [start, done] = checkBodies(state);
    expect(start).toMatchObject({ name: "Fine-tuning review", head_sha: HEAD, status: "in_progress" });
    expect(done).toMatchObject({ status: "completed", conclusion: "success" });
    expect(commentWrites(state)).toEqual(["POST /repos/Codertocat/Hello-World/issues/2/comments"]);
    expect(state.writes.find((w) => w.method === "POST" && w.path.endsWith("/issues/2/comments"))!.body!.body).toEqual(
      expect.stringMatching(new RegExp(`^${MARKER}[\\s\\S]*head=${HEAD}`)),
    );
    expect(run).toMatchObject({ exitCode: 0, conclusion: "success", output: "conclusion=success\n" });
    expect(run.summary).toContain("`ccccccc`");
    expect(new Set(auth)).toEqual(new Set([`token ${TOKEN}`]));
    expect(run.log).not.toContain(TOKEN);
    state.scope.done();
  });

  it("a failing proposal fails the step with an ::error:: line, after reporting check and comment", async () => {
    const head = { ...GOOD.base, ...GOOD.head, "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"text": broken\n` } as Record<string, string>;
    const state = nockGitHub(spec({ head }), [...REVIEW, "comment-create"]);
    const run = await action("pull_request", "pull_request.opened.json");
    const done = checkBodies(state)[1]!;
    expect(done).toMatchObject({ status: "completed", conclusion: "failure" });
    expect((done.output as { annotations: unknown[] }).annotations).toContainEqual(
      expect.objectContaining({ path: "data/train.jsonl", start_line: 121, annotation_level: "failure" }),
    );
    expect(commentWrites(state)).toEqual(["POST /repos/Codertocat/Hello-World/issues/2/comments"]);
    expect(run).toMatchObject({ exitCode: 1, conclusion: "failure", output: "conclusion=failure\n" });
    expect(run.log).toMatch(/^::error::the fine-tuning review concluded failure/m);
    state.scope.done();
  });

  it(`updates the sticky comment ${WORKFLOW_BOT_LOGIN} wrote before, and leaves a human's quote alone`, async () => {
    const comments = [
      { id: 5, body: `${MARKER}\nquoted by a human`, user: { login: "octocat", type: "User" } },
      { id: 6, body: `${MARKER}\nold review`, user: { login: WORKFLOW_BOT_LOGIN, type: "Bot" } },
    ];
    const state = nockGitHub(spec({ comments }), [...REVIEW, "comment-update"]);
    const run = await action("pull_request_target", "pull_request.opened.json");
    expect(commentWrites(state)).toEqual(["PATCH /repos/Codertocat/Hello-World/issues/comments/6"]);
    expect(state.comments[0]!.body).toBe(`${MARKER}\nquoted by a human`);
    expect(run.exitCode).toBe(0);
    state.scope.done();
  });

  it("a token without checks: write fails the step and says which permissions the workflow needs", async () => {
    const state = nockGitHub(spec(), []);
    nock(API).post("/repos/Codertocat/Hello-World/check-runs").times(2).reply(403, { message: "Resource not accessible by integration" });
    const run = await action("pull_request", "pull_request.opened.json");
    expect(run.exitCode).toBe(1);
    expect(run.log).toMatch(/::error::review failed/);
    expect(run.log).toMatch(/::error::.*permissions: checks: write, contents: read, pull-requests: write/);
    expect(state.requests).toEqual([]);
    expect(nock.isDone()).toBe(true);
  });

  it("an action that does not re-run the review (closed) does nothing and passes", async () => {
    const event = JSON.parse(await readFile(new URL("pull_request.opened.json", EVENTS), "utf8")) as { action: string };
    event.action = "closed";
    const file = join(tmp, "closed.json");
    await writeFile(file, JSON.stringify(event));
    const state = nockGitHub(spec(), []);
    const run = await action("pull_request", file);
    expect(run).toMatchObject({ exitCode: 0, output: "" });
    expect(state.requests).toEqual([]);
  });
});

describe("issue_comment", () => {
  it("/finetune-review from a writer: 👀 reaction, then the review of the PR's head", async () => {
    const state = nockGitHub(spec({ permission: { permission: "write", role_name: "write" } }), [...REVIEW, "permission", "reaction", "comment-create"]);
    const run = await action("issue_comment", "issue_comment.created.json");
    expect(state.requests[0]).toMatchObject({ method: "GET", path: "/repos/Codertocat/Hello-World/collaborators/Codertocat/permission" });
    expect(state.writes[0]).toMatchObject({ method: "POST", path: "/repos/Codertocat/Hello-World/issues/comments/777/reactions", body: { content: "eyes" } });
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: "success" });
    expect(checkBodies(state)[0]).toMatchObject({ head_sha: HEAD });
    expect(commentWrites(state)).toEqual([
      "POST /repos/Codertocat/Hello-World/issues/comments/777/reactions",
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    expect(run).toMatchObject({ exitCode: 0, conclusion: "success" });
    state.scope.done();
  });

  it("/finetune-review from a reader gets a polite reply; nothing runs and the step passes", async () => {
    const state = nockGitHub(spec(), ["permission", "comment-create"]);
    const run = await action("issue_comment", "issue_comment.created.json");
    expect(state.writes).toHaveLength(1);
    expect(state.writes[0]!.body!.body).toEqual(expect.stringContaining("@Codertocat"));
    expect(checkBodies(state)).toEqual([]);
    expect(run).toMatchObject({ exitCode: 0, output: "" });
    state.scope.done();
  });
});

describe("merge_group", () => {
  it("checks_requested reviews the queue's commit against its base: a check run, no comment; neutral passes", async () => {
    const state = nockGitHub(spec({ owner: "octo-org", repo: "octo-repo" }), [
      "compare",
      "tree",
      "contents",
      "commit",
      "history",
      "check-create",
      "check-update",
    ]);
    const run = await action("merge_group", "merge_group.checks_requested.json");
    expect(state.requests.some((r) => r.path.startsWith(`/repos/octo-org/octo-repo/compare/${BASE}...${HEAD}`))).toBe(true);
    expect(checkBodies(state)[0]).toMatchObject({ name: "Fine-tuning review", head_sha: HEAD, status: "in_progress" });
    // No PR description, so the proposal rules warn: neutral, which fail_on: error lets pass.
    expect(checkBodies(state)[1]).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(commentWrites(state)).toEqual([]);
    expect(run).toMatchObject({ exitCode: 0, conclusion: "neutral", output: "conclusion=neutral\n" });
    state.scope.done();
  });
});

describe("misuse", () => {
  it.each([
    [{ GITHUB_EVENT_NAME: "push" }, /finetune-review does not handle the 'push' event/],
    [{ "INPUT_GITHUB-TOKEN": "", GITHUB_TOKEN: "" }, /no token/],
    [{ GITHUB_EVENT_PATH: "/nonexistent/event.json" }, /cannot read the event file/],
    [{ GITHUB_EVENT_NAME: "" }, /GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/],
  ])("%j fails the step with one ::error:: line and no request", async (env, message) => {
    const state = nockGitHub(spec(), []);
    const run = await action("pull_request", "pull_request.opened.json", env);
    expect(run.exitCode).toBe(1);
    expect(run.log).toMatch(new RegExp(`^::error::${message.source}`));
    expect(run.log.trim().split("\n")).toHaveLength(1);
    expect(state.requests).toEqual([]);
  });
});
