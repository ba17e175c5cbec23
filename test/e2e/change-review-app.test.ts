/**
 * The change-aware review through the App: the real server (as `npm start` runs it) against a fake
 * GitHub over a real git repository whose main branch already holds a dataset problem. Three pull
 * requests change the dataset; the check, its annotations and the sticky comment judge the change.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver } from "../helpers/app-server.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { GOOD, classificationJsonl } from "../helpers/proposal-scenario.js";
import { botComments, completedOn, prPayload, settled, startStack, type Stack } from "../reliability/harness.js";

const SECRET = "sk-proj-Abc123Def456Ghi789Jkl012Mno345";
const lines = (rows: string[]) => `${rows.join("\n")}\n`;
const clean = classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1);
const dirty = [...clean.slice(0, 60), '{"text": "broken', ...clean.slice(60)];
const extra = classificationJsonl({ billing: 2, returns: 1 }, 9);

const PRS = {
  clean: { number: 2, rows: [...dirty, ...extra] },
  bad: { number: 3, rows: [...dirty, "{not json", JSON.stringify({ text: `my key is ${SECRET} please rotate`, label: "billing" })] },
  reorder: { number: 4, rows: [...dirty].reverse() },
} as const;

let repo: TempRepo;
let stack: Stack;
let baseSha: string;
const heads: Record<string, string> = {};

interface Annotation {
  path: string;
  start_line: number;
  annotation_level: string;
  title: string;
}

/** Every annotation the app sent for the check runs on `sha`, across its create and update requests. */
function annotationsOn(sha: string): Annotation[] {
  return completedOn(stack.fake, sha).flatMap((run) =>
    run.history.flatMap((body) => (body as { output?: { annotations?: Annotation[] } }).output?.annotations ?? []),
  );
}

beforeAll(async () => {
  repo = await createTempRepo();
  baseSha = await repo.commit({ ...GOOD.base, ...GOOD.head, "data/train.jsonl": lines(dirty) }, { date: "2026-01-10T10:00:00Z" });
  for (const [name, pr] of Object.entries(PRS)) {
    await repo.checkout("main");
    await repo.branch(name);
    heads[name] = await repo.commit({ "data/train.jsonl": lines([...pr.rows]) }, { date: "2026-03-01T10:00:00Z" });
  }
  await repo.checkout("main");
  stack = await startStack(repo.dir, {
    pulls: Object.entries(PRS).map(([name, pr]) => ({ number: pr.number, baseRef: "main", headRef: name, body: GOOD.body })),
  });
  for (const [name, pr] of Object.entries(PRS)) {
    expect(await deliver(stack.server, "pull_request", prPayload("opened", pr.number, heads[name]!, baseSha))).toBeLessThan(300);
  }
  for (const name of Object.keys(PRS)) await settled(stack.fake, heads[name]!);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await repo?.cleanup();
});

describe("the App judges the change, not the repository", () => {
  it("appending clean records to a dirty dataset passes; the old line is listed apart and not annotated", () => {
    const [run] = completedOn(stack.fake, heads.clean!);
    expect(run!.conclusion).toBe("success");
    expect(run!.output!.title).toBe("No new findings · 1 already on the base branch");
    expect(annotationsOn(heads.clean!)).toEqual([]);
    const [comment] = botComments(stack.fake, PRS.clean.number);
    expect(comment!.body).toContain("No new findings: this change introduces none.");
    expect(comment!.body).toContain("<details><summary>Already on the base branch (1)");
    expect(comment!.body).toContain("`data/train.jsonl:61`");
    expect(comment!.body).toContain("| `data/train.jsonl` | 121 → 124 | +3 / −0 | 0% → 0% |");
  });

  it("appending a bad line and a secret fails, annotating exactly those two lines", () => {
    const [run] = completedOn(stack.fake, heads.bad!);
    expect(run!.conclusion).toBe("failure");
    const annotations = annotationsOn(heads.bad!);
    expect(annotations.map((a) => `${a.path}:${a.start_line}:${a.title.split(":")[0]}`).sort()).toEqual([
      "data/train.jsonl:122:dataset-format",
      "data/train.jsonl:123:dataset-sensitive",
    ]);
    const [comment] = botComments(stack.fake, PRS.bad.number);
    expect(comment!.body).toContain("2 errors, 0 warnings, 0 notices · 1 already on the base branch");
    expect(comment!.body).not.toContain(SECRET);
  });

  it("a pure reorder introduces nothing", () => {
    const [run] = completedOn(stack.fake, heads.reorder!);
    expect(run!.conclusion).toBe("success");
    expect(annotationsOn(heads.reorder!)).toEqual([]);
    const [comment] = botComments(stack.fake, PRS.reorder.number);
    expect(comment!.body).toContain("| `data/train.jsonl` | 121 → 121 | +0 / −0 | 0% → 0% |");
    expect(comment!.body).toContain(`\`data/train.jsonl:${dirty.length - 60}\``);
  });

  it("reads the base version of the dataset through the API, once per review", () => {
    const baseReads = stack.fake.requests.filter(
      (r) => r.method === "GET" && r.path.startsWith("/repos/acme/models/contents/data/train.jsonl") && r.path.includes(baseSha),
    );
    expect(baseReads).toHaveLength(Object.keys(PRS).length);
    expect(stack.fake.checkRuns.every((c) => c.status === "completed")).toBe(true);
  });
});
