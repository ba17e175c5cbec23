/**
 * Shared set-up for the reliability suites: a real git repository holding the well-governed proposal,
 * a fake GitHub over it, and the real server (as `npm start` runs it) pointed at the fake.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type FakePull } from "../helpers/fake-github.js";
import { deliver, startAppServer, waitFor, type AppServer } from "../helpers/app-server.js";
import { GOOD, type Files } from "../helpers/proposal-scenario.js";

const require = createRequire(import.meta.url);
type Json = Record<string, any>;
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Json[] }[];

export const OWNER = "acme";
export const REPO = "models";
export const INSTALLATION = 7;
export const BOT = "finetune-review[bot]";

function example(name: string, action: string): Json {
  const list = examples.find((e) => e.name === name)!.examples.filter((x) => x.action === action);
  return JSON.parse(JSON.stringify(list.find((x) => x.installation) ?? list[0]!)) as Json;
}

function retarget(p: Json): Json {
  p.installation = { id: INSTALLATION };
  p.repository.owner.login = OWNER;
  p.repository.name = REPO;
  p.repository.full_name = `${OWNER}/${REPO}`;
  p.repository.html_url = `https://github.com/${OWNER}/${REPO}`;
  return p;
}

/** A `pull_request` payload for PR `number` at `headSha`. */
export function prPayload(action: string, number: number, headSha: string, baseSha: string, body: string = GOOD.body): Json {
  const p = retarget(example("pull_request", "opened"));
  p.action = action;
  p.pull_request.number = number;
  p.pull_request.head.sha = headSha;
  p.pull_request.base.sha = baseSha;
  p.pull_request.body = body;
  if (action === "edited") p.changes = { body: { from: "old" } };
  return p;
}

/** An `issue_comment` payload (`created` unless given) on PR `number`. */
export function commentPayload(
  number: number,
  body: string,
  user: { login: string; type: string } = { login: "maintainer", type: "User" },
  action = "created",
  id?: number,
): Json {
  const p = retarget(example("issue_comment", "created"));
  p.action = action;
  p.issue.number = number;
  p.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}` };
  p.comment.id = id ?? 900_000 + Math.floor(Math.random() * 90_000);
  p.comment.body = body;
  p.comment.user = { ...p.comment.user, ...user };
  if (action === "edited") p.changes = { body: { from: "thanks" } };
  return p;
}

/** A repository with GOOD's base on `main` and GOOD's proposal (plus `head`) on `proposal`. */
export async function proposalRepo(opts: { base?: Files; head?: Files } = {}): Promise<{ repo: TempRepo; baseSha: string; headSha: string }> {
  const repo = await createTempRepo();
  const baseSha = await repo.commit({ ...GOOD.base, ...opts.base }, { date: "2026-01-10T10:00:00Z" });
  await repo.branch("proposal");
  const headSha = await repo.commit({ ...GOOD.head, ...opts.head }, { date: "2026-03-01T10:00:00Z" });
  await repo.checkout("main");
  return { repo, baseSha, headSha };
}

/** A fake GitHub and a real server over `repoDir`. */
export interface Stack {
  fake: FakeGitHub;
  server: AppServer;
  stop(): Promise<void>;
}

export async function startStack(
  repoDir: string,
  opts: { pulls?: FakePull[]; env?: Record<string, string>; fake?: Partial<FakeGitHubOptions> } = {},
): Promise<Stack> {
  const fake = await startFakeGitHub({
    repoDir,
    owner: OWNER,
    repo: REPO,
    installationId: INSTALLATION,
    pulls: opts.pulls ?? [{ number: 2, baseRef: "main", headRef: "proposal", body: GOOD.body }],
    permissions: { maintainer: "write", reader: "read", triager: "triage" },
    ...opts.fake,
  });
  const server = await startAppServer(fake.host, opts.env);
  return {
    fake,
    server,
    async stop() {
      await server.stop();
      await fake.close();
    },
  };
}

/** The completed check runs on `sha`. */
export const completedOn = (fake: FakeGitHub, sha: string) => fake.checkRuns.filter((c) => c.head_sha === sha && c.status === "completed");

/** Comments the app wrote on PR `number`. */
export const botComments = (fake: FakeGitHub, number: number) => fake.comments.filter((c) => c.issue_number === number && c.user.login === BOT);

/** Waits until every check run the fake holds is completed and at least `n` exist on `sha`. */
export async function settled(fake: FakeGitHub, sha: string, n = 1, ms = 60_000): Promise<void> {
  await waitFor(() => completedOn(fake, sha).length >= n && fake.checkRuns.every((c) => c.status === "completed"), ms);
  // Webhooks are answered before the review: the comment is written after the check completes, so wait for quiet (3 s: the comment follows the check after a CPU-bound render).
  let seen = -1;
  let since = Date.now();
  await waitFor(() => {
    if (fake.requests.length !== seen || fake.requests.some((r) => r.status === 0)) [seen, since] = [fake.requests.length, Date.now()];
    return Date.now() - since >= 3000;
  }, ms);
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Seeds a comment on the fake (so the app can react to it) and delivers its `issue_comment` webhook. */
export async function slashComment(
  stack: Stack,
  number: number,
  body: string,
  user: { login: string; type: string } = { login: "maintainer", type: "User" },
  action = "created",
): Promise<number> {
  const c = stack.fake.addComment(number, body, user);
  return deliver(stack.server, "issue_comment", commentPayload(number, body, user, action, c.id));
}
