/** The CLI's contract with scripts: exit codes, one-line usage errors, formats, masking, config from base. */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createTempRepo, runCli, type TempRepo } from "../helpers/git-repo.js";
import { GOOD, reviewScenario } from "../helpers/proposal-scenario.js";

const SECRET = "sk-proj-Abc123Def456Ghi789Jkl012Mno345";

describe("usage errors exit 2 with one line on stderr", () => {
  let repo: TempRepo;
  let notRepo: string;
  beforeAll(async () => {
    repo = await createTempRepo();
    await repo.commit({ "README.md": "x\n" });
    notRepo = await mkdtemp(join(tmpdir(), "ftr-not-a-repo-"));
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(notRepo, { recursive: true, force: true });
  });

  it.each([
    ["not a git repo", () => ["review", "--repo", notRepo, "--base", "main"], /^finetune-review: not a git repository: /],
    ["a missing directory", () => ["review", "--repo", join(notRepo, "nope"), "--base", "main"], /^finetune-review: not a git repository: .*no such directory/],
    ["an unknown base ref", () => ["review", "--repo", repo.dir, "--base", "no-such-branch"], /^finetune-review: unknown ref 'no-such-branch' in /],
    ["an unknown head ref", () => ["review", "--repo", repo.dir, "--base", "main", "--head", "deadbeef"], /^finetune-review: unknown ref 'deadbeef'/],
    ["a ref that looks like a flag", () => ["review", "--repo", repo.dir, "--base", "--output=/tmp/x"], /^finetune-review: /],
    [
      "an unknown flag",
      () => ["review", "--repo", repo.dir, "--base", "main", "--frobnicate"],
      /^finetune-review: unknown option '--frobnicate' \(finetune-review --help lists the flags\)$/m,
    ],
    [
      "a flag without its value",
      () => ["review", "--repo", repo.dir, "--base"],
      /^finetune-review: option '--base <value>' argument missing \(finetune-review --help/,
    ],
    [
      "an argument after the command",
      () => ["review", "--repo", repo.dir, "--base", "main", "extra"],
      /^finetune-review: unexpected argument 'extra' after review$/m,
    ],
    ["an unknown command", () => ["reveiw", "--base", "main"], /^finetune-review: unknown command 'reveiw' \(expected 'review' or 'init'\)$/m],
    ["a missing --base", () => ["review", "--repo", repo.dir], /^finetune-review: missing --base REF/],
    ["an unknown format", () => ["review", "--repo", repo.dir, "--base", "main", "--format", "xml"], /^finetune-review: unknown --format 'xml'/],
    ["no command", () => ["--base", "main"], /^finetune-review: missing command 'review'/],
    [
      "a missing --body-file",
      () => ["review", "--repo", repo.dir, "--base", "main", "--body-file", join(notRepo, "none.md")],
      /^finetune-review: cannot read --body-file .*none\.md: no such file \(ENOENT\)$/m,
    ],
  ])("%s", async (_name, args, message) => {
    const r = await runCli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/finetune-review review \[--repo DIR\] --base REF/);
  });

  it("reviews HEAD by default and succeeds quietly when nothing ML changed", async () => {
    const r = await runCli(["review", "--repo", repo.dir, "--base", "main", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { version: number; conclusion: string; artifacts: unknown[]; findings: unknown[]; base: string; head: string };
    expect(json).toMatchObject({ version: 1, conclusion: "success", artifacts: [], findings: [] });
    expect(json.base).toMatch(/^[0-9a-f]{40}$/);
    expect(json.head).toBe(json.base);
  });
});

describe("a reader that stops early", () => {
  it("closes the pipe without a crash or a stack trace", async () => {
    const repo = await createTempRepo();
    try {
      await repo.commit(GOOD.base, { date: "2026-01-10T10:00:00Z" });
      await repo.branch("proposal");
      await repo.commit({ ...GOOD.head, "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}{"broken\n` }, { date: "2026-03-01T10:00:00Z" });
      const child = spawn(
        process.execPath,
        [join(process.cwd(), "bin/finetune-review.js"), "review", "--repo", repo.dir, "--base", "main", "--head", "proposal"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout.destroy(); // as `| head -0` would: the review's output meets a closed pipe
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).not.toMatch(/EPIPE|Error|at /);
      expect(code).toBe(1);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("bad input never hides findings", () => {
  it("a Git LFS pointer dataset is artifact-unreadable, not a format error", async () => {
    const lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 523456789\n";
    const r = await reviewScenario({ head: { "data/train.jsonl": lfs } });
    expect(r.json.artifacts).toContainEqual({ path: "data/train.jsonl", kind: "dataset", format: "unknown" });
    expect(r.json.findings.filter((f) => f.path === "data/train.jsonl").map((f) => f.ruleId)).toEqual(["artifact-unreadable"]);
    expect(r.json.findings.find((f) => f.ruleId === "artifact-unreadable")!.message).toMatch(/Git LFS pointer/);
  });

  it("malformed records each get a dataset-format finding on their line, and the valid ones are still checked", async () => {
    const rows = (GOOD.head["data/train.jsonl"] as string).trimEnd().split("\n");
    rows.splice(9, 0, '{"text": "unterminated');
    rows.splice(19, 0, "<invalid UTF-8 goes here>");
    rows.splice(29, 0, '{"prompt": "no label here"}');
    rows.push(JSON.stringify({ text: `card 4111 1111 1111 1111 please`, label: "billing" }));
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]); // {"t":"\xff\xfe"}
    const body = Buffer.concat(rows.map((r, i) => (i === 19 ? invalidUtf8 : Buffer.from(`${r}\n`))));
    const r = await reviewScenario({ head: { "data/train.jsonl": body } });
    const format = r.json.findings.filter((f) => f.ruleId === "dataset-format");
    expect(format.map((f) => f.line)).toEqual([10, 20, 30]);
    expect(format[1]!.message).toMatch(/UTF-8/);
    const card = r.json.findings.find((f) => f.ruleId === "dataset-sensitive");
    expect(card).toMatchObject({ line: 124, severity: "warning" });
    expect(r.stdout).not.toContain("4111 1111 1111 1111");
    expect(r.code).toBe(1);
  });

  it("a BOM and CRLF line endings keep valid data valid", async () => {
    const crlf = `\uFEFF${(GOOD.head["data/train.jsonl"] as string).replace(/\n/g, "\r\n")}`;
    const r = await reviewScenario({ head: { "data/train.jsonl": crlf } });
    expect(r.json.findings.filter((f) => f.severity !== "notice")).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("config comes from the base ref", () => {
  it("a PR that edits the repo config is reviewed under the base config, and its new version is validated", async () => {
    const r = await reviewScenario({
      base: { ".github/CODEOWNERS": "/docs/ @acme/docs\n" },
      head: { ".github/finetune-review.yml": "rules:\n  ownership:\n    enabled: false\n  dataset-size: { min_examples: nope }\n" },
    });
    expect(r.json.findings.filter((f) => f.ruleId === "ownership").length).toBe(3);
    const invalid = r.json.findings.filter((f) => f.ruleId === "config-invalid");
    expect(invalid).toEqual([expect.objectContaining({ path: ".github/finetune-review.yml", line: 4, severity: "error" })]);
    expect(invalid[0]!.message).toMatch(/rules\.dataset-size\.min_examples.*the review used the base branch's/);
    expect(r.code).toBe(1);
  });

  it("a PR's valid config edit is not applied either, and a note says so", async () => {
    const r = await reviewScenario({
      base: { ".github/CODEOWNERS": "/docs/ @acme/docs\n" },
      head: { ".github/finetune-review.yml": "fail_on: never\nrules:\n  ownership:\n    enabled: false\n" },
    });
    expect(r.json.findings.filter((f) => f.ruleId === "ownership")).toHaveLength(3);
    expect(r.json.findings.some((f) => f.ruleId === "config-invalid")).toBe(false);
    expect((r.json as { notes?: string[] }).notes).toEqual([
      expect.stringMatching(/changes \.github\/finetune-review\.yml; its new version is valid .*base branch's version/),
    ]);
    expect(r.code).toBe(1);
  });

  it("--config FILE replaces the base config", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ftr-config-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(dir, "strict.yml"), "fail_on: warning\nrules:\n  dataset-size: { min_examples: 1000 }\n");
      const r = await reviewScenario({ args: ["--format", "json", "--config", join(dir, "strict.yml")] });
      expect(r.json.findings.map((f) => f.ruleId)).toContain("dataset-size");
      expect(r.json.conclusion).toBe("failure");
      expect(r.code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("an invalid base config says the review did not run, not that nothing changed", async () => {
    const r = await reviewScenario({ base: { ".github/finetune-review.yml": "fail_on: sometimes\n" }, args: ["--format", "text"] });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /The review did not run: \.github\/finetune-review\.yml does not validate; fix the keys named below \(reviews read it from the base branch/,
    );
    expect(r.stdout).toMatch(/config-invalid +\.github\/finetune-review\.yml:1 /);
    expect(r.stdout).not.toMatch(/No fine-tuning artifacts changed/);
  });

  it("fail_on: never keeps errors from failing (neutral, exit 0)", async () => {
    const r = await reviewScenario({ base: { ".github/finetune-review.yml": "fail_on: never\n", ".github/CODEOWNERS": null } });
    expect(r.json.findings.some((f) => f.severity === "error")).toBe(true);
    expect(r.json.conclusion).toBe("neutral");
    expect(r.code).toBe(0);
  });
});

describe("every output format", () => {
  const scenario = {
    head: {
      "data/train.jsonl": `${GOOD.head["data/train.jsonl"] as string}${JSON.stringify({ text: `use key ${SECRET} now`, label: "billing" })}\n`,
    },
  };

  it.each(["text", "markdown", "json", "sarif"])("%s shows the finding with its location and masks the secret", async (format) => {
    const r = await reviewScenario({ ...scenario, args: ["--format", format] });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain(SECRET.slice(8));
    expect(r.stdout).toContain("dataset-sensitive");
    expect(r.stdout).toContain("openai-api-key");
    if (format === "sarif") {
      const sarif = JSON.parse(r.stdout) as {
        version: string;
        runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
      };
      expect(sarif.version).toBe("2.1.0");
      const result = sarif.runs[0]!.results.find((x) => x.ruleId === "dataset-sensitive")!;
      expect(result.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "data/train.jsonl" }, region: { startLine: 121 } });
    } else if (format === "text") {
      expect(r.stdout).toContain("data/train.jsonl:121");
    }
  });
});
