/**
 * Hostile content: inputs built to crash, hang or exhaust the review (YAML alias bombs and custom
 * tags, JSON nested 200,000 deep, a 50 MB line, binary and half-broken text, BOM/CRLF, a PR of
 * 3,000+ files, a 1 MB description, odd path names and symlinks). Each gives a clear finding or
 * error, with its file and line, and the process finishes with its peak memory bounded.
 *
 * Engine cases build real git repositories and run the built CLI in a child process that reports
 * its own peak RSS; App cases go through the real server and a fake GitHub (see harness.ts). Large
 * inputs are generated here into temp folders; nothing large is committed to this repository.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver } from "../helpers/app-server.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { GOOD, classificationJsonl, seeded, type Files } from "../helpers/proposal-scenario.js";
import { botComments, completedOn, prPayload, settled, startStack, type Stack } from "./harness.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).href;
const MB = 1024 * 1024;

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  path?: string;
  line?: number;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process, from its own `process.resourceUsage()`. */
  maxRssMb: number;
  json: { conclusion: string; artifacts: { path: string; kind: string; format: string }[]; findings: Finding[] };
}

/** The environment of every CLI run: no GIT_* variable of the caller, no system or global git config. */
const cliEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_"))),
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  NO_COLOR: "1",
});

/**
 * Runs the built CLI (what bin/finetune-review.js runs) in a child process that prints its own peak
 * RSS when the review is done: memory is measured on the real process, not guessed from the test's.
 */
function runCliMeasured(args: string[]): Promise<Run> {
  const script = [
    `const { main } = await import(${JSON.stringify(CLI)});`,
    "const code = await main(process.argv.slice(1));",
    "process.stderr.write(`\\nMAX_RSS_KB=${process.resourceUsage().maxRSS}\\n`);",
    "process.exitCode = code;",
  ].join("\n");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, ...args], { env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      const kb = Number(/MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
      if (code === null) return reject(new Error(`the CLI was killed by ${signal}: ${stderr}`));
      let json: Run["json"] = { conclusion: "", artifacts: [], findings: [] };
      try {
        json = JSON.parse(stdout) as Run["json"];
      } catch {
        // Left empty: the assertions on the exit code and stderr say what went wrong.
      }
      resolve({ code, stdout, stderr: stderr.replace(/\n?MAX_RSS_KB=\d+\n/, ""), maxRssMb: Math.round(kb / 1024), json });
    });
  });
}

interface Case {
  base?: Files;
  head?: Files;
  body?: string;
  /** Runs in the work tree before the head commit (symlinks). */
  setup?: (dir: string) => Promise<void>;
}

/** Builds GOOD's base on main and GOOD's head plus `head` on `proposal`, and reviews it with the CLI as JSON. */
async function review(c: Case): Promise<Run> {
  const repo = await createTempRepo();
  const bodyDir = await mkdtemp(join(tmpdir(), "ftr-hostile-body-"));
  try {
    await repo.commit({ ...GOOD.base, ...c.base }, { date: "2026-01-10T10:00:00Z", message: "base" });
    await repo.branch("proposal");
    await c.setup?.(repo.dir);
    await repo.commit({ ...GOOD.head, ...c.head }, { date: "2026-03-01T10:00:00Z", message: "proposal" });
    const bodyFile = join(bodyDir, "body.md");
    await writeFile(bodyFile, c.body ?? GOOD.body);
    return await runCliMeasured(["review", "--repo", repo.dir, "--base", "main", "--head", "proposal", "--body-file", bodyFile, "--format", "json"]);
  } finally {
    await repo.cleanup();
    await rm(bodyDir, { recursive: true, force: true });
  }
}

const of = (r: Run, ruleId: string, path?: string) => r.json.findings.filter((f) => f.ruleId === ruleId && (path === undefined || f.path === path));
const at = (r: Run, ruleId: string, path: string, line: number) => of(r, ruleId, path).find((f) => f.line === line);
const lines = (rows: string[]) => `${rows.join("\n")}\n`;
const train = classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1);

/** Nothing escaped the review: no stack overflow, no uncaught error, the CLI printed its JSON. */
function finishedCleanly(r: Run): void {
  expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|heap out of memory|the review failed|uncaught/i);
  expect(r.json.conclusion).toMatch(/^(success|neutral|failure)$/);
}

/** "billion laughs": nine levels of nine aliases, 9^9 copies if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
].join("\n");

const CONFIG = GOOD.head["configs/router-lora.yml"] as string;

describe("hostile content through the CLI (real git repositories, the CLI as a process)", () => {
  it.concurrent("an alias bomb in the repo config is config-invalid naming the line, and nothing else runs", async () => {
    const r = await review({ base: { ".github/finetune-review.yml": `fail_on: error\n${ALIAS_BOMB}\n` } });
    finishedCleanly(r);
    expect(r.code).toBe(1);
    expect(r.json.artifacts).toEqual([]);
    expect(r.json.findings).toHaveLength(1);
    expect(r.json.findings[0]).toMatchObject({ ruleId: "config-invalid", severity: "error", path: ".github/finetune-review.yml", line: 3 });
    expect(r.json.findings[0]!.message).toMatch(/aliases \(first `\*a`\) expand past 50 copies.*billion laughs.*write the values out/);
    expect(r.maxRssMb).toBeLessThan(300);
  });

  it.concurrent("custom tags in the repo config are config-invalid, one per tag with its line, and nothing is executed", async () => {
    const marker = join(tmpdir(), `ftr-hostile-pwned-${process.pid}-config`);
    const r = await review({
      base: { ".github/finetune-review.yml": `fail_on: error\non_error: !!python/object/apply:os.system ["touch ${marker}"]\ncomment: !foo sticky\n` },
    });
    finishedCleanly(r);
    expect(r.code).toBe(1);
    expect(r.json.artifacts).toEqual([]);
    const problems = of(r, "config-invalid", ".github/finetune-review.yml");
    expect(problems.map((f) => f.line)).toEqual([2, 3]);
    expect(problems[0]!.message).toMatch(/custom tag `!!python\/object\/apply:os\.system` is not resolved.*use a plain value/);
    expect(problems[1]!.message).toMatch(/custom tag `!foo`/);
    expect(existsSync(marker)).toBe(false);
  });

  it.concurrent(
    "an alias bomb, custom tags or a syntax error in PR training configs are artifact-unreadable with their lines; other files are still reviewed",
    async () => {
      const marker = join(tmpdir(), `ftr-hostile-pwned-${process.pid}-train`);
      const r = await review({
        head: {
          "configs/train.yml": `base_model: meta-llama/Llama-3.2-1B-Instruct\nadapter: lora\n${ALIAS_BOMB}\ndatasets:\n  - path: data/train.jsonl\n`,
          "configs/tagged.yml": `base_model: meta-llama/Llama-3.2-1B-Instruct\nadapter: lora\nsequence_len: !!python/object/apply:os.system ["touch ${marker}"]\nlr: !foo 2e-5\n`,
          "configs/tabbed.yml": "base_model: meta-llama/Llama-3.2-1B-Instruct\nadapter: lora\ndatasets:\n\t- path: data/train.jsonl\n",
          // A bad record in the data proves the rest of the PR was still read.
          "data/train.jsonl": lines([...train.slice(0, 6), '{"text": "broken', ...train.slice(6)]),
        },
      });
      finishedCleanly(r);
      expect(r.code).toBe(1);
      expect(r.json.artifacts).toEqual(
        expect.arrayContaining([
          { path: "configs/train.yml", kind: "training-config", format: "axolotl" },
          { path: "configs/tagged.yml", kind: "training-config", format: "axolotl" },
          { path: "configs/router-lora.yml", kind: "training-config", format: "axolotl" },
        ]),
      );
      const bomb = of(r, "artifact-unreadable", "configs/train.yml");
      expect(bomb).toHaveLength(1);
      expect(bomb[0]).toMatchObject({ severity: "notice", line: 4 });
      expect(bomb[0]!.message).toMatch(/line 4: its aliases \(first `\*a`\) expand past 100 copies.*write the values out/);
      const tagged = of(r, "artifact-unreadable", "configs/tagged.yml");
      expect(tagged).toHaveLength(1);
      expect(tagged[0]).toMatchObject({ line: 3 });
      expect(tagged[0]!.message).toMatch(/custom tag `!!python\/object\/apply:os\.system` is not resolved/);
      expect(of(r, "artifact-unreadable", "configs/tabbed.yml")).toEqual([
        expect.objectContaining({
          line: 4,
          message: expect.stringMatching(/line 4: it is not valid YAML \(Tabs are not allowed as indentation\); fix the syntax on that line/),
        }),
      ]);
      expect(at(r, "dataset-format", "data/train.jsonl", 7)).toBeDefined();
      // Unread configs state nothing: no rule reads facts (eval, adapters, paths) from them.
      expect(r.json.findings.filter((f) => f.path?.startsWith("configs/") && f.ruleId !== "artifact-unreadable")).toEqual([]);
      expect(existsSync(marker)).toBe(false);
    },
  );

  it.concurrent(
    "JSON nested 200,000 deep in a .jsonl record and in a .json dataset is a dataset-format finding on its line",
    async () => {
      const deepArray = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
      const deepObject = `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`;
      const evalRecords = classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 2);
      const r = await review({
        head: {
          "configs/router-lora.yml": CONFIG.replace("data/eval.jsonl", "data/eval.json"),
          "data/train.jsonl": lines([
            ...train.slice(0, 5),
            `{"text": "deep meta", "label": "billing", "meta": ${deepArray}}`,
            ...train.slice(5, 7),
            `{"text": "deep label", "label": ${deepObject}}`,
            ...train.slice(7),
          ]),
          "data/eval.jsonl": null,
          // A JSON array, one record a line: the deep one is on line 4.
          "data/eval.json": `[\n${[...evalRecords.slice(0, 2), `{"text": "deep", "label": "billing", "x": ${deepArray}}`, ...evalRecords.slice(2)].join(",\n")}\n]\n`,
        },
      });
      finishedCleanly(r);
      expect(r.code).toBe(1);
      for (const [path, line] of [
        ["data/train.jsonl", 6],
        ["data/train.jsonl", 9],
        ["data/eval.json", 4],
      ] as const) {
        expect(at(r, "dataset-format", path, line)?.message).toMatch(/nests more than 100 levels deep; flatten it/);
      }
      expect(of(r, "dataset-format")).toHaveLength(3);
      expect(r.maxRssMb).toBeLessThan(300);
    },
    60_000,
  );

  it.concurrent(
    "a 50 MB single line is dataset-format for that line; the lines after it are still scanned, memory stays bounded",
    async () => {
      // max_file_mb raised so the file is read at all (50 MB is the default limit for a whole file).
      const huge = JSON.stringify({ text: "x".repeat(50 * MB), label: "billing" });
      const r = await review({
        base: { ".github/finetune-review.yml": "max_file_mb: 100\n" },
        head: { "data/train.jsonl": lines([huge, ...train.slice(0, 60), '{"text": 7, "label": "billing"}', ...train.slice(60)]) },
      });
      finishedCleanly(r);
      expect(r.code).toBe(1);
      // Detection skips the line it cannot sniff and reads the format from the lines after it.
      expect(r.json.artifacts).toContainEqual({ path: "data/train.jsonl", kind: "dataset", format: "classification" });
      expect(at(r, "dataset-format", "data/train.jsonl", 1)?.message).toMatch(/line is 50 MB, over the 8 MB limit; not parsed/);
      expect(at(r, "dataset-format", "data/train.jsonl", 62)?.message).toMatch(/"text" is not a string/);
      expect(of(r, "dataset-format")).toHaveLength(2);
      expect(of(r, "dataset-size")).toEqual([]);
      // Streamed: the process peaks far below what holding the line as a string several times over would take.
      expect(r.maxRssMb).toBeLessThan(350);
    },
    90_000,
  );

  it.concurrent("binary bytes named .jsonl are one artifact-unreadable finding, not thousands of bad lines", async () => {
    const rand = seeded(7);
    const bytes = Buffer.alloc(256 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 97 === 0 ? 0 : Math.floor(rand() * 256);
    const r = await review({ head: { "data/blob.jsonl": bytes } });
    finishedCleanly(r);
    expect(r.code).toBe(0);
    const about = r.json.findings.filter((f) => f.path === "data/blob.jsonl");
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ ruleId: "artifact-unreadable", severity: "notice" });
    expect(about[0]!.message).toMatch(/binary content/);
  });

  it.concurrent("NUL bytes and invalid UTF-8 inside otherwise valid JSONL are dataset-format findings on their lines", async () => {
    const bytes = train.map((l) => Buffer.from(l, "utf8"));
    bytes[3] = Buffer.from(train[3]!.replace("?", "\u0000?"), "utf8"); // raw NUL inside a string
    bytes[6] = Buffer.concat([Buffer.from(train[6]!), Buffer.from([0])]); // NUL after the record
    bytes[9] = Buffer.concat([bytes[9]!.subarray(0, 12), Buffer.from([0xff, 0xfe]), bytes[9]!.subarray(12)]); // not UTF-8 at all
    bytes[11] = Buffer.concat([bytes[11]!.subarray(0, 20), Buffer.from([0xed, 0xa0, 0x80]), bytes[11]!.subarray(20)]); // a UTF-16 surrogate in UTF-8
    const r = await review({ head: { "data/train.jsonl": Buffer.concat(bytes.flatMap((b) => [b, Buffer.from("\n")])) } });
    finishedCleanly(r);
    expect(r.code).toBe(1);
    expect(at(r, "dataset-format", "data/train.jsonl", 4)?.message).toMatch(/invalid JSON: Bad control character/);
    expect(at(r, "dataset-format", "data/train.jsonl", 7)?.message).toMatch(/invalid JSON/);
    expect(at(r, "dataset-format", "data/train.jsonl", 10)?.message).toMatch(/not valid UTF-8 \(byte 0xFF at column 13\)/);
    expect(at(r, "dataset-format", "data/train.jsonl", 12)?.message).toMatch(/not valid UTF-8 \(byte 0xED at column 21\)/);
    expect(of(r, "dataset-format")).toHaveLength(4);
    // The output carries no raw NUL (every renderer escapes control characters).
    expect(r.stdout).not.toContain("\u0000");
  });

  it.concurrent("a UTF-8 BOM and CRLF line endings on valid data, configs and the repo config change nothing", async () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const evalCsv = [
      "text,label",
      ...classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 2).map((l) => {
        const { text, label } = JSON.parse(l) as { text: string; label: string };
        return `"${text}",${label}`;
      }),
    ].join("\n");
    const r = await review({
      // Applied only if read: it turns off the notice the description below would otherwise get.
      base: { ".github/finetune-review.yml": crlf("fail_on: warning\nrules:\n  latency-budget:\n    enabled: false\n") },
      head: {
        "configs/router-lora.yml": crlf(CONFIG.replace("data/eval.jsonl", "data/eval.csv")),
        "data/train.jsonl": crlf(lines(train)),
        "data/eval.jsonl": null,
        "data/eval.csv": crlf(`${evalCsv}\n`),
      },
      body: GOOD.body.replace(/Latency budget:.*\n/, ""),
    });
    finishedCleanly(r);
    expect(r.json.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.conclusion).toBe("success");
    expect(r.json.artifacts).toEqual(
      expect.arrayContaining([
        { path: "configs/router-lora.yml", kind: "training-config", format: "axolotl" },
        { path: "data/train.jsonl", kind: "dataset", format: "classification" },
        { path: "data/eval.csv", kind: "eval-dataset", format: "classification" },
      ]),
    );
  });

  it.concurrent("odd path names are reviewed as named; symlinks are reported, never followed, and their targets never read", async () => {
    const r = await review({
      head: {
        "configs/router-lora.yml": CONFIG.replace("data/train.jsonl", "data/link.jsonl"),
        "data/ünï cödé/train set.jsonl": lines([...train.slice(0, 4), '{"text": "broken', ...train.slice(4)]),
        "data/a..b.jsonl": lines([...train.slice(0, 2), "[1, 2]", ...train.slice(2)]),
      },
      async setup(dir) {
        await mkdir(join(dir, "data"), { recursive: true });
        await symlink("/etc/passwd", join(dir, "data/link.jsonl"));
        await symlink("train.jsonl", join(dir, "data/inrepo.jsonl"));
        await symlink("../../../../../../etc/passwd", join(dir, "data/escape.jsonl"));
      },
    });
    finishedCleanly(r);
    expect(r.code).toBe(1);
    expect(r.json.artifacts).toEqual(
      expect.arrayContaining([
        { path: "data/ünï cödé/train set.jsonl", kind: "dataset", format: "classification" },
        { path: "data/a..b.jsonl", kind: "dataset", format: "classification" },
      ]),
    );
    expect(at(r, "dataset-format", "data/ünï cödé/train set.jsonl", 5)?.message).toMatch(
      /^Line 5 of data\/ünï cödé\/train set\.jsonl is not a valid classification record: invalid JSON/,
    );
    expect(at(r, "dataset-format", "data/a..b.jsonl", 3)?.message).toMatch(/record is not a JSON object/);
    // Git stores a symlink as a blob holding its target path: that is all the review sees of it.
    for (const [path, target] of [
      ["data/link.jsonl", "/etc/passwd"],
      ["data/inrepo.jsonl", "train.jsonl"],
      ["data/escape.jsonl", "../../../../../../etc/passwd"],
    ]) {
      const about = r.json.findings.filter((f) => f.path === path);
      expect(about).toHaveLength(1);
      expect(about[0]).toMatchObject({ ruleId: "artifact-unreadable", severity: "notice" });
      expect(about[0]!.message).toContain(`it is a symbolic link to \`${target}\`; git stores only that target path, and the review never follows links`);
    }
    // The config's reference to the symlink neither reads it nor counts as missing.
    expect(of(r, "config-references")).toEqual([]);
    const passwd = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "utf8").split("\n")[0]! : "root:x:0:0:";
    expect(r.stdout).not.toContain(passwd);
  });
});

describe("hostile content through the App (the real server on a fake GitHub)", () => {
  const PAD_FILES = 3_050;
  let repo: TempRepo;
  let baseSha: string;
  let bigHead: string;
  let oddHead: string;
  let stack: Stack;
  const bigBody = `${GOOD.body}\n${"We will fix the reasoning errors with fine-tuning and more ".repeat(Math.ceil(MB / 58)).slice(0, MB)}`;

  beforeAll(async () => {
    repo = await createTempRepo();
    baseSha = await repo.commit(GOOD.base, { date: "2026-01-10T10:00:00Z", message: "base" });
    // PR 2: the proposal plus 3,050 unrelated files, past GitHub's 3,000-file cap on the PR files list.
    await repo.branch("huge");
    const pad: Files = {};
    for (let i = 0; i < PAD_FILES; i++) pad[`zz-assets/icon-${String(i).padStart(4, "0")}.svg`] = `<svg id="${i}"/>\n`;
    bigHead = await repo.commit({ ...GOOD.head, ...pad }, { date: "2026-03-01T10:00:00Z", message: "huge" });
    // PR 3: the proposal with odd path names, reviewed with a 1 MB description.
    await repo.checkout("main");
    await repo.branch("odd");
    await mkdir(join(repo.dir, "data"), { recursive: true });
    await symlink("/etc/passwd", join(repo.dir, "data/link.jsonl"));
    oddHead = await repo.commit(
      {
        ...GOOD.head,
        "data/ünï cödé/train set.jsonl": lines([...train.slice(0, 4), '{"text": "broken', ...train.slice(4)]),
        "data/a..b.jsonl": lines([...train.slice(0, 2), "[1, 2]", ...train.slice(2)]),
      },
      { date: "2026-03-01T10:00:00Z", message: "odd" },
    );
    await repo.checkout("main");
    stack = await startStack(repo.dir, {
      pulls: [
        { number: 2, baseRef: "main", headRef: "huge", body: GOOD.body },
        { number: 3, baseRef: "main", headRef: "odd", body: bigBody },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await repo?.cleanup();
  });

  it("a PR of more than 3,000 files completes, and the review says GitHub's cap was hit", async () => {
    expect(await deliver(stack.server, "pull_request", prPayload("opened", 2, bigHead, baseSha))).toBeLessThan(300);
    await settled(stack.fake, bigHead, 1, 120_000);
    const [run] = completedOn(stack.fake, bigHead);
    expect(run!.conclusion).toBe("success");
    expect(run!.output?.summary).toMatch(/GitHub lists at most 3,000 changed files; files beyond that were not reviewed/);
    const comments = botComments(stack.fake, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/GitHub lists at most 3,000 changed files/);
    // Every page was read up to the cap (100 a page), and the fake, like GitHub, listed no more than 3,000.
    const pages = stack.fake.requests.filter((q) => q.route === "GET /repos/{owner}/{repo}/pulls/{pull_number}/files" && q.path.includes("/pulls/2/"));
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(stack.server.logs()).not.toMatch(/unhandled ?rejection|uncaught ?exception/i);
  }, 150_000);

  it("a 1 MB description is reviewed without pathological regex time; odd path names are read through the API", async () => {
    expect(await deliver(stack.server, "pull_request", prPayload("opened", 3, oddHead, baseSha, bigBody))).toBeLessThan(300);
    await settled(stack.fake, oddHead, 1, 120_000);
    const [run] = completedOn(stack.fake, oddHead);
    expect(run!.output?.summary).toMatch(/reasoning-fix/);
    expect(run!.output!.summary!.length).toBeLessThanOrEqual(65_535);
    // Both odd paths were fetched by name and scanned: each bad line is annotated where it is.
    const annotations = (run!.output?.annotations ?? []) as Array<{ path: string; start_line: number; message: string }>;
    expect(annotations).toContainEqual(expect.objectContaining({ path: "data/ünï cödé/train set.jsonl", start_line: 5 }));
    expect(annotations).toContainEqual(expect.objectContaining({ path: "data/a..b.jsonl", start_line: 3 }));
    // The head tree marks the link; its own bytes (the target path) come from the blobs API, never the target.
    const link = annotations.find((a) => a.path === "data/link.jsonl");
    expect(link?.message).toMatch(/symbolic link to `\/etc\/passwd`/);
    expect(JSON.stringify(run!.output) + JSON.stringify(botComments(stack.fake, 3))).not.toMatch(/root:x?:0:0/);
    expect(run!.conclusion).toBe("failure");
    expect(botComments(stack.fake, 3)).toHaveLength(1);
    expect(stack.server.logs()).not.toMatch(/unhandled ?rejection|uncaught ?exception/i);
  }, 150_000);
});
