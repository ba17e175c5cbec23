/** `finetune-review init` as a process in a real git repository: files written, kept, forced; the template read by a review. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createTempRepo, runCli, type TempRepo } from "../helpers/git-repo.js";
import { reviewScenario } from "../helpers/proposal-scenario.js";

const TEMPLATE = ".github/PULL_REQUEST_TEMPLATE/fine-tuning.md";
const CONFIG = ".github/finetune-review.yml";
const PROPOSAL_RULES = new Set(["reasoning-fix", "latency-budget", "alternatives-considered"]);

describe("finetune-review init", () => {
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await createTempRepo();
    await repo.commit({ "README.md": "x\n", "src/app.py": "print(1)\n" });
  });
  afterEach(() => repo.cleanup());

  it("writes the template and the starter config at the top of the work tree, from a subfolder too", async () => {
    const r = await runCli(["init", "--repo", join(repo.dir, "src")]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(`wrote ${TEMPLATE}\nwrote ${CONFIG}\n`);
    const template = await readFile(join(repo.dir, TEMPLATE), "utf8");
    expect(template.match(/^## .*$/gm)).toEqual([
      "## Why fine-tune",
      "## Alternatives considered",
      "## Latency and cost budget",
      "## Evaluation",
      "## Retraining cadence",
      "## Owner",
    ]);
    // A review validates a config the change adds: the written one gives no config-invalid.
    await repo.commit({}, { message: "add finetune-review files" });
    expect(await repo.git("show", "--name-only", "--format=", "HEAD")).toBe(`${TEMPLATE}\n${CONFIG}\n`);
    const review = await runCli(["review", "--repo", repo.dir, "--base", "HEAD~1", "--format", "json"]);
    expect(review.code).toBe(0);
    expect((JSON.parse(review.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain("config-invalid");
  });

  it("never overwrites an existing file without --force, and says which it kept", async () => {
    await mkdir(join(repo.dir, ".github"), { recursive: true });
    await writeFile(join(repo.dir, CONFIG), "fail_on: warning\n");
    const r = await runCli(["init", "--repo", repo.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${TEMPLATE}\n`);
    expect(r.stderr).toBe(`finetune-review: kept ${CONFIG}: it exists (--force overwrites it)\n`);
    expect(await readFile(join(repo.dir, CONFIG), "utf8")).toBe("fail_on: warning\n");

    const again = await runCli(["init", "--repo", repo.dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr.trimEnd().split("\n")).toHaveLength(2);

    const forced = await runCli(["init", "--repo", repo.dir, "--force"]);
    expect(forced).toMatchObject({ code: 0, stderr: "", stdout: `overwrote ${TEMPLATE}\noverwrote ${CONFIG}\n` });
    expect(await readFile(join(repo.dir, CONFIG), "utf8")).toMatch(/^fail_on: error/m);
  });

  it.each([
    [
      "an unknown flag",
      () => ["init", "--repo", repo.dir, "--base", "main"],
      /^finetune-review: unknown option '--base' \(finetune-review --help lists the flags\)$/m,
    ],
    ["an extra argument", () => ["init", "now"], /^finetune-review: unexpected argument 'now' after init/],
    ["a missing folder", () => ["init", "--repo", join(repo.dir, "nope")], /^finetune-review: not a git repository: .*no such directory/],
  ])("exits 2 with one line on %s", async (_name, args, message) => {
    const r = await runCli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("exits 2 outside a git repository and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ftr-not-a-repo-"));
    try {
      const r = await runCli(["init", "--repo", dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^finetune-review: not a git repository: .*\(init writes into a work tree\)\n$/);
      await expect(readFile(join(dir, CONFIG), "utf8")).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a PR description written from the template, reviewed through the CLI", () => {
  let template: string;
  beforeEach(async () => {
    const repo = await createTempRepo();
    try {
      await repo.commit({ "README.md": "x\n" });
      expect((await runCli(["init", "--repo", repo.dir])).code).toBe(0);
      template = await readFile(join(repo.dir, TEMPLATE), "utf8");
    } finally {
      await repo.cleanup();
    }
  });
  const answer = (heading: string, text: string) => (t: string) => t.replace(new RegExp(`(## ${heading}\\n\\n<!--[^>]*-->\\n)`), `$1${text}\n`);
  const proposalFindings = (r: Awaited<ReturnType<typeof reviewScenario>>) => r.json.findings.filter((f) => PROPOSAL_RULES.has(f.ruleId)).map((f) => f.ruleId);

  it("filled in, keeps the three proposal rules quiet", async () => {
    const body = [
      answer("Why fine-tune", "Route tickets to billing, returns or shipping in the labels the support team uses."),
      answer("Alternatives considered", "Few-shot prompting and retrieval over past tickets both plateaued at 81% accuracy."),
      answer("Latency and cost budget", "p95 under 300 ms at $0.20 per 1k requests."),
      answer("Evaluation", "Held-out data/eval.jsonl and evals/suite.yaml gate every release."),
      answer("Retraining cadence", "Retrain monthly from newly labelled tickets."),
      answer("Owner", "@acme/ml-platform"),
    ].reduce((t, f) => f(t), template);
    const r = await reviewScenario({ body });
    expect(r.code).toBe(0);
    expect(r.json.artifacts.length).toBeGreaterThan(0);
    expect(proposalFindings(r)).toEqual([]);
  });

  it("untouched, gets latency-budget and alternatives-considered", async () => {
    const r = await reviewScenario({ body: template });
    expect(proposalFindings(r).sort()).toEqual(["alternatives-considered", "latency-budget"]);
  });
});
