/**
 * The action as GitHub runs it: action.yml points at a committed bundle that is up to date with the
 * sources, and `node dist-action/index.js`, started from another folder with only the runner's env,
 * reviews a pull request on a fake GitHub (over HTTP, backed by a git repo) and exits 1 on failure.
 * The README's copy-paste workflow is checked against what the action handles.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Worker } from "node:worker_threads";
import { parse } from "yaml";
import { ACTION_EVENTS, WORKFLOW_BOT_LOGIN } from "../../src/action.js";
import { scanJsonlPart } from "../../src/datasets/scan-accumulator.js";
import type { PartReply, PartRequest } from "../../src/datasets/scan-pool.js";
import type { ScanWorkerData } from "../../src/datasets/scan-worker.js";
import { compileLexicon } from "../../src/datasets/sensitive.js";
import { PULL_REQUEST_ACTIONS } from "../../src/github/events.js";
import { MARKER } from "../../src/github/sticky-comment.js";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import { defaultTestLexicon } from "../datasets/default-test-lexicon.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFile(join(root, path), "utf8");

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

describe("action.yml", () => {
  it("runs the committed bundle on node20, with the inputs and outputs the entry point uses", async () => {
    const action = parse(await read("action.yml")) as ActionYml;
    expect(action.runs).toEqual({ using: "node20", main: "dist-action/index.js" });
    expect(action.inputs["github-token"]).toMatchObject({ required: false, default: "${{ github.token }}" });
    expect(action.inputs["bot-login"]).toMatchObject({ required: false, default: WORKFLOW_BOT_LOGIN });
    expect(Object.keys(action.inputs).sort()).toEqual(["bot-login", "github-token"]);
    expect(Object.keys(action.outputs)).toEqual(["conclusion"]);
  });

  it("the bundle is up to date with the sources (else: npm run build:action)", async () => {
    const res = await run(process.execPath, ["scripts/build-action.mjs", "--check"], { cwd: root }).catch((e: { stderr: string }) => e);
    expect(res.stderr).toBe("");
  });

  it("the README's workflow uses the action on events and permissions it needs", async () => {
    const readme = await read("README.md");
    const section = readme.slice(readme.indexOf("## GitHub Action"));
    const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(section)![1]!) as {
      on: Record<string, { types?: string[] }>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string }[] }>;
    };
    for (const [event, spec] of Object.entries(workflow.on)) {
      expect(ACTION_EVENTS).toContain(event);
      if (event === "pull_request") expect([...(spec.types ?? [])].sort()).toEqual([...PULL_REQUEST_ACTIONS].sort());
    }
    expect(workflow.permissions).toEqual({ checks: "write", contents: "read", "pull-requests": "write" });
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => /^finetune-review\/finetune-review@v\d+\.\d+\.\d+$/.test(s.uses ?? ""))).toBe(true);
  });
});

describe("dist-action/scan-worker.js", () => {
  it("sits beside the bundle, where the scan looks for its worker, and scans a part as the sources do", async () => {
    // The bundle resolves the worker as new URL("./scan-worker.js", import.meta.url) of index.js.
    expect(await read("dist-action/index.js")).toContain('new URL("./scan-worker.js", import.meta.url)');
    const data: ScanWorkerData = {
      identity: { path: "data/train.jsonl", format: "openai-chat", role: "train" },
      format: "openai-chat",
      lexicon: defaultTestLexicon(),
      maxRecordBytes: 4096,
    };
    const lines = [
      JSON.stringify({
        messages: [
          { role: "user", content: "Where is my parcel?" },
          { role: "assistant", content: "Refunds of up to $50 arrive within 3 days." },
        ],
      }),
      '{"messages": [',
      JSON.stringify({
        messages: [
          { role: "user", content: "Mail jane.doe@example.com" },
          { role: "assistant", content: "Done." },
        ],
      }),
    ];
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const worker = new Worker(join(root, "dist-action/scan-worker.js"), { workerData: data });
    try {
      const request: PartRequest = { seq: 7, firstLine: 41, bytes: new Uint8Array(bytes) };
      const reply = new Promise<PartReply>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      worker.postMessage(request);
      const expected = scanJsonlPart(data.identity, data.format, compileLexicon(data.lexicon), bytes, 41, data.maxRecordBytes);
      expect(expected.records).toBe(2);
      expect(expected.formatIssues).toHaveLength(1);
      expect(expected.sensitive).toHaveLength(1);
      expect(expected.businessRules).toHaveLength(1);
      expect(await reply).toEqual({ seq: 7, partial: expected });
    } finally {
      await worker.terminate();
    }
  });
});

describe("node dist-action/index.js", () => {
  let repo: TempRepo;
  let fake: FakeGitHub;
  let work: string;
  let headSha: string;
  let baseSha: string;

  beforeAll(async () => {
    repo = await createTempRepo();
    baseSha = await repo.commit({ ...GOOD.base }, { date: "2026-01-10T10:00:00Z" });
    await repo.branch("proposal");
    headSha = await repo.commit({ ...GOOD.head, "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"text": "broken\n` }, { date: "2026-03-01T10:00:00Z" });
    fake = await startFakeGitHub({
      repoDir: repo.dir,
      owner: "acme",
      repo: "models",
      appSlug: "github-actions",
      pulls: [{ number: 2, baseRef: "main", headRef: "proposal", body: GOOD.body }],
    });
    work = await mkdtemp(join(tmpdir(), "ftr-runner-"));
  }, 60_000);

  afterAll(async () => {
    await fake?.close();
    await repo?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("reviews the PR, reports check and comment, and fails the step", async () => {
    const event = JSON.parse(await readFile(new URL("./events/pull_request.opened.json", import.meta.url), "utf8")) as Record<string, any>;
    event.repository = {
      ...event.repository,
      name: "models",
      full_name: "acme/models",
      html_url: "https://github.com/acme/models",
      owner: { ...event.repository.owner, login: "acme" },
    };
    event.pull_request = { ...event.pull_request, head: { ...event.pull_request.head, sha: headSha }, base: { ...event.pull_request.base, sha: baseSha } };
    await writeFile(join(work, "event.json"), JSON.stringify(event));
    await writeFile(join(work, "output"), "");
    const env = {
      PATH: process.env.PATH ?? "",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: join(work, "event.json"),
      GITHUB_OUTPUT: join(work, "output"),
      GITHUB_API_URL: `${fake.url}/api/v3`,
      "INPUT_GITHUB-TOKEN": "ghs_workflow",
      "INPUT_BOT-LOGIN": WORKFLOW_BOT_LOGIN,
    };
    const res = await run(process.execPath, [join(root, "dist-action/index.js")], { cwd: work, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^::error::the fine-tuning review concluded failure/m);
    expect(fake.checkRuns).toEqual([expect.objectContaining({ name: "Fine-tuning review", head_sha: headSha, status: "completed", conclusion: "failure" })]);
    expect(fake.comments).toEqual([
      expect.objectContaining({ issue_number: 2, user: expect.objectContaining({ login: WORKFLOW_BOT_LOGIN }), body: expect.stringContaining(MARKER) }),
    ]);
    expect(await readFile(join(work, "output"), "utf8")).toBe("conclusion=failure\n");
  }, 60_000);
});
