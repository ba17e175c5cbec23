import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { createTempRepo, type TempRepo } from "./git-repo.js";
import { routeTemplate, startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const owner = "acme";
const repo = "models";
const BINARY_PATH = "data/ünïcode dir/blob file.bin";
const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
const longText = Array.from({ length: 40 }, (_, i) => `line ${i} of a file that is renamed`).join("\n") + "\n";

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let tmp: TempRepo;
let fake: FakeGitHub;
let octokit: Octokit;
let forkPoint: string;
let trainCommit: string;

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

beforeAll(async () => {
  tmp = await createTempRepo();
  await tmp.commit(
    { "a.txt": "alpha\n", "old.txt": longText, "gone.txt": "bye\n", [BINARY_PATH]: binary, "data/train.jsonl": '{"a":1}\n' },
    { date: "2026-01-01T00:00:00Z" },
  );
  trainCommit = await tmp.commit({ "data/train.jsonl": '{"a":1}\n{"a":2}\n' }, { date: "2026-01-02T00:00:00Z", message: "more data" });
  forkPoint = trainCommit;
  await tmp.branch("feature");
  await tmp.commit(
    { "old.txt": null, "new.txt": longText, "gone.txt": null, "config.yaml": "lr: 1e-5\n", "a.txt": "alpha\nbeta\n" },
    { date: "2026-01-05T00:00:00Z" },
  );
  await tmp.checkout("main");
  await tmp.commit({ "b.txt": "only on main\n" }, { date: "2026-01-06T00:00:00Z" });
  fake = await startFakeGitHub({
    repoDir: tmp.dir,
    owner,
    repo,
    pulls: [{ number: 7, baseRef: "main", headRef: "feature", title: "Fine-tune", body: "Why", draft: true }],
    permissions: { alice: "admin", bob: "maintain", carol: "write", dave: "triage", erin: "none" },
  });
  octokit = new Octokit({ baseUrl: `${fake.url}/api/v3`, auth: "x", log: quiet });
});

afterAll(async () => {
  await fake?.close();
  await tmp?.cleanup();
});

describe("fake GitHub", () => {
  it("serves the app and installation token endpoints", async () => {
    const app = await octokit.rest.apps.getAuthenticated();
    expect(app.data).toMatchObject({ slug: "finetune-review" });
    const token = await octokit.rest.apps.createInstallationAccessToken({ installation_id: 1 });
    expect(token.status).toBe(201);
    expect(token.data.token).toMatch(/^ghs_fake/);
    expect(new Date(token.data.expires_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect((await octokit.rest.apps.getRepoInstallation({ owner, repo })).data.id).toBe(1);
  });

  it("serves a pull request with shas resolved from git", async () => {
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: 7 });
    expect(data).toMatchObject({
      number: 7,
      state: "open",
      draft: true,
      title: "Fine-tune",
      body: "Why",
      head: { ref: "feature", repo: { full_name: "acme/models" } },
      base: { ref: "main" },
    });
    expect(data.head.sha).toBe((await tmp.git("rev-parse", "feature")).trim());
    expect(data.base.sha).toBe((await tmp.git("rev-parse", "main")).trim());
    await expect(octokit.rest.pulls.get({ owner, repo, pull_number: 8 })).rejects.toMatchObject({ status: 404 });
  });

  it("lists PR files from the merge base, with renames and removals", async () => {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: 7, per_page: 2 });
    const byName = Object.fromEntries(files.map((f) => [f.filename, f]));
    expect(Object.keys(byName).sort()).toEqual(["a.txt", "config.yaml", "gone.txt", "new.txt"]);
    expect(byName["new.txt"]).toMatchObject({ status: "renamed", previous_filename: "old.txt" });
    expect(byName["gone.txt"]).toMatchObject({ status: "removed" });
    expect(byName["config.yaml"]).toMatchObject({ status: "added", additions: 1, deletions: 0 });
    expect(byName["a.txt"]).toMatchObject({ status: "modified", additions: 1 });
    expect(byName["config.yaml"]!.sha).toBe((await tmp.git("rev-parse", "feature:config.yaml")).trim());
    expect(byName["gone.txt"]!.sha).toBe((await tmp.git("rev-parse", "main:gone.txt")).trim());
    expect(fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/pulls/{pull_number}/files")).toHaveLength(2);
  });

  it("compares base...head with the merge base", async () => {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...feature" });
    expect(data.merge_base_commit.sha).toBe(forkPoint);
    expect(data).toMatchObject({ status: "diverged", ahead_by: 1, behind_by: 1 });
    expect(data.files?.map((f) => f.filename).sort()).toEqual(["a.txt", "config.yaml", "gone.txt", "new.txt"]);
  });

  it("returns raw contents byte-exact for encoded paths, JSON otherwise, 404 when missing", async () => {
    const res = await octokit.request(`GET /repos/{owner}/{repo}/contents/${BINARY_PATH.split("/").map(encodeURIComponent).join("/")}`, {
      owner,
      repo,
      ref: "main",
      mediaType: { format: "raw" },
      request: { parseSuccessResponseBody: false },
    });
    const bytes = Buffer.from(await new Response(res.data as ReadableStream).arrayBuffer());
    expect(bytes.equals(binary)).toBe(true);

    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: BINARY_PATH, ref: "feature" });
    expect(data).toMatchObject({ type: "file", encoding: "base64", size: binary.length, path: BINARY_PATH });
    expect(Buffer.from((data as { content: string }).content, "base64").equals(binary)).toBe(true);

    const dir = await octokit.rest.repos.getContent({ owner, repo, path: "data" });
    expect((dir.data as Array<{ name: string; type: string }>).map((e) => `${e.type}:${e.name}`).sort()).toEqual(["dir:ünïcode dir", "file:train.jsonl"]);

    await expect(octokit.rest.repos.getContent({ owner, repo, path: "gone.txt", ref: "feature" })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "Not Found" } },
    });
  });

  it("serves recursive trees with blob sizes, and blobs", async () => {
    const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: "feature", recursive: "1" });
    expect(data.truncated).toBe(false);
    const entry = data.tree.find((e) => e.path === BINARY_PATH);
    expect(entry).toMatchObject({ type: "blob", size: binary.length });
    expect(data.tree.find((e) => e.path === "data")).toMatchObject({ type: "tree" });
    expect(data.tree.some((e) => e.path === "old.txt")).toBe(false);
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: entry!.sha! });
    expect(blob.data).toMatchObject({ encoding: "base64", size: binary.length });
    expect(Buffer.from(blob.data.content, "base64").equals(binary)).toBe(true);
  });

  it("lists commits by path and since, and single commits", async () => {
    const { data } = await octokit.rest.repos.listCommits({ owner, repo, sha: "feature", path: "data/train.jsonl", since: "2026-01-01T12:00:00Z" });
    expect(data.map((c) => c.sha)).toEqual([trainCommit]);
    expect(data[0]!.commit.committer?.date).toBe("2026-01-02T00:00:00Z");
    expect(data[0]!.commit.message).toBe("more data");
    const all = await octokit.rest.repos.listCommits({ owner, repo, sha: "feature", path: "data/train.jsonl" });
    expect(all.data).toHaveLength(2);
    const one = await octokit.rest.repos.getCommit({ owner, repo, ref: "feature" });
    expect(one.data.commit.committer?.date).toBe("2026-01-05T00:00:00Z");
  });

  it("creates and updates check runs, appending annotations", async () => {
    const headSha = (await tmp.git("rev-parse", "feature")).trim();
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: "Fine-tuning review",
      head_sha: headSha,
      status: "in_progress",
      output: { title: "t", summary: "s" },
    });
    expect(created.status).toBe(201);
    const annotation = (i: number) => ({ path: "a.txt", start_line: i, end_line: i, annotation_level: "warning" as const, message: `m${i}` });
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: "failure",
      details_url: "https://example.com/d",
      output: { title: "done", summary: "sum", annotations: Array.from({ length: 50 }, (_, i) => annotation(i + 1)) },
    });
    await octokit.rest.checks.update({ owner, repo, check_run_id: created.data.id, output: { title: "done", summary: "sum", annotations: [annotation(99)] } });
    await expect(
      octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: created.data.id,
        output: { summary: "x", annotations: Array.from({ length: 51 }, (_, i) => annotation(i + 1)) },
      }),
    ).rejects.toMatchObject({ status: 422 });

    const run = fake.checkRuns.find((c) => c.id === created.data.id)!;
    expect(run).toMatchObject({ status: "completed", conclusion: "failure", details_url: "https://example.com/d", output: { title: "done", summary: "sum" } });
    expect(run.output?.annotations).toHaveLength(51);
    expect(run.history).toHaveLength(3);

    const listed = await octokit.rest.checks.listForRef({ owner, repo, ref: "feature" });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]).toMatchObject({ id: created.data.id, status: "completed", conclusion: "failure", output: { annotations_count: 51 } });
  });

  it("pages comments, writes as the bot, edits, deletes and reacts", async () => {
    for (let i = 0; i < 150; i++) fake.addComment(7, `human ${i}`, "someone");
    const before = fake.requests.length;
    const listed = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 100 });
    expect(listed).toHaveLength(150);
    expect(fake.requests.slice(before).map((r) => r.route)).toEqual([
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    ]);

    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 7, body: "<!-- finetune-review --> hi" });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: "finetune-review[bot]", type: "Bot" });
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: "edited" });
    expect(fake.comments.find((c) => c.id === created.data.id)?.body).toBe("edited");
    const reaction = await octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: listed[0]!.id, content: "eyes" });
    expect(reaction.status).toBe(201);
    expect(fake.reactions).toEqual([{ comment_id: listed[0]!.id, content: "eyes" }]);
    const deleted = await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id });
    expect(deleted.status).toBe(204);
    expect(fake.comments.some((c) => c.id === created.data.id)).toBe(false);
  });

  it("reports collaborator permission levels as GitHub maps them", async () => {
    const level = async (username: string) => (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username })).data;
    expect(await level("alice")).toMatchObject({ permission: "admin", role_name: "admin", user: { login: "alice" } });
    expect(await level("bob")).toMatchObject({ permission: "write", role_name: "maintain" });
    expect(await level("carol")).toMatchObject({ permission: "write", role_name: "write" });
    expect(await level("dave")).toMatchObject({ permission: "read", role_name: "triage" });
    expect(await level("erin")).toMatchObject({ permission: "none" });
    expect(await level("stranger")).toMatchObject({ permission: "read", role_name: "read" });
  });

  it("injects failures, resets and delays, then recovers", async () => {
    const route = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
    fake.fail(route, { status: 502, body: { message: "Bad gateway" } });
    await expect(octokit.rest.pulls.get({ owner, repo, pull_number: 7 })).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: 7 })).status).toBe(200);
    expect(
      fake.requests
        .filter((r) => r.route === route)
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([502, 200]);

    fake.fail(/check-runs$/, { reset: true });
    const headSha = (await tmp.git("rev-parse", "feature")).trim();
    const error = await octokit.rest.checks.create({ owner, repo, name: "x", head_sha: headSha }).catch((e: unknown) => e);
    expect(status(error)).toBe(500);

    fake.fail(route, { delayMs: 200 });
    const started = Date.now();
    await octokit.rest.pulls.get({ owner, repo, pull_number: 7 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("answers unknown routes with a recorded 404, with or without the /api/v3 prefix", async () => {
    await expect(octokit.request("GET /repos/{owner}/{repo}/hooks", { owner, repo })).rejects.toMatchObject({ status: 404 });
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: "/repos/acme/models/hooks", route: "GET /repos/acme/models/hooks", status: 404 });
    const plain = await fetch(`${fake.url}/repos/${owner}/${repo}`);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { full_name: string }).full_name).toBe("acme/models");
    expect((await fetch(`${fake.url}/api/graphql`, { method: "POST", body: "{}" })).status).toBe(400);
  });
});

describe("fake GitHub with lowered limits", () => {
  it("caps PR files, truncates trees and refuses large raw contents", async () => {
    const small = await startFakeGitHub({
      repoDir: tmp.dir,
      owner,
      repo,
      pulls: [{ number: 1, baseRef: "main", headRef: "feature" }],
      limits: { pullFiles: 2, treeEntries: 3, contentsRawBytes: 10 },
    });
    try {
      const client = new Octokit({ baseUrl: `${small.url}/api/v3`, log: quiet });
      expect(await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: 1, per_page: 1 })).toHaveLength(2);
      const tree = await client.rest.git.getTree({ owner, repo, tree_sha: "main", recursive: "1" });
      expect(tree.data).toMatchObject({ truncated: true });
      expect(tree.data.tree).toHaveLength(3);
      await expect(client.rest.repos.getContent({ owner, repo, path: BINARY_PATH, mediaType: { format: "raw" } })).rejects.toMatchObject({
        status: 403,
        response: { data: { errors: [{ code: "too_large" }] } },
      });
    } finally {
      await small.close();
    }
  });
});

describe("fake GitHub with a fork's pull request", () => {
  it("serves the head by sha and refs/pull/N/head, never by the fork's branch name", async () => {
    const forked = await startFakeGitHub({
      repoDir: tmp.dir,
      owner,
      repo,
      pulls: [{ number: 9, baseRef: "main", headRef: "feature", headRepoFullName: "mallory/models" }],
    });
    try {
      const client = new Octokit({ baseUrl: `${forked.url}/api/v3`, log: quiet });
      const head = (await tmp.git("rev-parse", "feature")).trim();
      const { data: pr } = await client.rest.pulls.get({ owner, repo, pull_number: 9 });
      expect(pr.head).toMatchObject({
        sha: head,
        ref: "feature",
        label: "mallory:feature",
        repo: { full_name: "mallory/models", fork: true, owner: { login: "mallory" } },
      });
      expect(pr.base.repo).toMatchObject({ full_name: "acme/models", fork: false });
      const raw = { owner, repo, path: "config.yaml", mediaType: { format: "raw" } };
      for (const ref of [head, "refs/pull/9/head", "pull/9/head"]) expect((await client.rest.repos.getContent({ ...raw, ref })).data).toBe("lr: 1e-5\n");
      for (const ref of ["feature", "refs/heads/feature"]) await expect(client.rest.repos.getContent({ ...raw, ref })).rejects.toMatchObject({ status: 404 });
      await expect(client.rest.repos.getCommit({ owner, repo, ref: "feature" })).rejects.toMatchObject({ status: 404 });
      await expect(client.rest.git.getTree({ owner, repo, tree_sha: "feature" })).rejects.toMatchObject({ status: 404 });
      expect((await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...mallory:feature" })).data.ahead_by).toBe(1);
      await expect(client.rest.repos.getContent({ owner: "mallory", repo, path: "config.yaml", ref: head })).rejects.toMatchObject({ status: 404 });
    } finally {
      await forked.close();
    }
  });
});

describe("fake GitHub behind Probot", () => {
  it("exchanges a JWT for an installation token and serves the installation's requests", async () => {
    const privateKey = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    }).privateKey;
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: `${fake.url}/api/v3`,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    const before = fake.requests.length;
    const gh = await probot.auth(1);
    const { data } = await gh.rest.pulls.get({ owner, repo, pull_number: 7 });
    expect(data.number).toBe(7);
    expect(fake.requests.slice(before).map((r) => r.route)).toEqual([
      "POST /app/installations/{installation_id}/access_tokens",
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    ]);
  });
});

describe("routeTemplate", () => {
  it("maps paths to templated routes", () => {
    expect(routeTemplate("get", "/api/v3/repos/a/b/pulls/3/files?page=2")).toBe("GET /repos/{owner}/{repo}/pulls/{pull_number}/files");
    expect(routeTemplate("GET", "/repos/a/b/contents/x/y%20z.txt?ref=main")).toBe("GET /repos/{owner}/{repo}/contents/{path}");
    expect(routeTemplate("GET", "/repos/a/b/commits/abc/check-runs")).toBe("GET /repos/{owner}/{repo}/commits/{ref}/check-runs");
    expect(routeTemplate("PATCH", "/repos/a/b/issues/comments/5")).toBe("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}");
    expect(routeTemplate("POST", "/app/installations/1/access_tokens")).toBe("POST /app/installations/{installation_id}/access_tokens");
    expect(routeTemplate("GET", "/repos/a/b/hooks")).toBe("GET /repos/a/b/hooks");
  });
});
