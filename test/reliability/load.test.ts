/**
 * Load through the real server: mixed events (pushes, description edits, slash commands, other
 * comments), redeliveries with the same delivery id and synchronize bursts on several PRs at once, while
 * each PR's head moves forward as GitHub's would. Each PR ends with exactly one sticky comment showing its
 * newest head, whose completed check is the latest. `npm test` sends LOAD_WEBHOOKS (default 60);
 * `npm run soak` sends 500 and prints duration and RSS.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver, waitFor } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { BOT, botComments, commentPayload, completedOn, prPayload, proposalRepo, rssMb, startStack, type Stack } from "./harness.js";

const TOTAL = Number(process.env.LOAD_WEBHOOKS ?? 60);
const PRS = [2, 3, 4];
let repo: TempRepo;
let baseSha: string;
let stack: Stack;
const heads = new Map<number, string[]>();

beforeAll(async () => {
  ({ repo, baseSha } = await proposalRepo());
  // Each PR gets its own branch with three pushes, so a burst of synchronize events carries distinct shas.
  for (const n of PRS) {
    await repo.checkout("proposal");
    await repo.branch(`pr-${n}`);
    const shas: string[] = [];
    for (let i = 0; i < 3; i++)
      shas.push(
        await repo.commit({
          [`data/extra-${n}.jsonl`]:
            `${GOOD.head["data/train.jsonl"]}`
              .split("\n")
              .slice(0, 10 + i)
              .join("\n") + "\n",
        }),
      );
    heads.set(n, shas);
  }
  await repo.checkout("main");
  // Each PR starts at its first push; the test moves `headRef` forward as it sends the later pushes.
  stack = await startStack(repo.dir, { pulls: PRS.map((n) => ({ number: n, baseRef: "main", headRef: heads.get(n)![0]!, body: GOOD.body })) });
}, 120_000);

/** Waits until the fake has received no request for `quietMs`: every review, queued ones too, has finished. */
async function quiescent(fake: FakeGitHub, quietMs: number, ms: number): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await waitFor(() => {
    if (fake.requests.length !== seen || fake.requests.some((r) => r.status === 0)) {
      seen = fake.requests.length;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  }, ms);
}

/** The comment's (or summary's) line with the conclusion and the base → head shas. */
const conclusionLine = (markdown: string) => markdown.split("\n").find((l) => l.includes("Fine-tuning review ")) ?? "";

afterAll(async () => {
  await stack?.stop();
  await repo?.cleanup();
});

describe(`load: ${TOTAL} webhooks`, () => {
  it("one sticky comment per PR, the newest head reviewed last, memory settles", async () => {
    const { fake, server } = stack;
    const started = Date.now();
    const rssBefore = rssMb(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 1000);
    const sent: Promise<number>[] = [];
    const redeliver: Array<[string, Record<string, unknown>, string]> = [];
    const counts = { pull_request: 0, slash: 0, comment: 0, redelivered: 0 };
    try {
      for (let i = 0; i < TOTAL; i++) {
        const n = PRS[i % PRS.length]!;
        const shas = heads.get(n)!;
        // Early events carry older heads; the last third carries the newest, as pushes would.
        const sha = shas[Math.min(shas.length - 1, Math.floor((i / TOTAL) * shas.length))]!;
        // The push happened: GitHub now serves this head for the PR, so waiting reviews of older heads are stale.
        fake.pulls.find((p) => p.number === n)!.headRef = sha;
        const kind = i % 7;
        let event: string;
        let payload: Record<string, unknown>;
        let delivery: string = randomUUID();
        if (kind === 5 && i % 2) {
          // A maintainer's re-run: the app reacts to the seeded comment and reviews the PR's current head.
          const c = fake.addComment(n, "/finetune-review", { login: "maintainer", type: "User" });
          [event, payload] = ["issue_comment", commentPayload(n, c.body, c.user, "created", c.id)];
          counts.slash++;
        } else if (kind === 5) {
          [event, payload] = ["issue_comment", commentPayload(n, i % 3 ? "thanks, looks fine" : "> /finetune-review quoted")];
          counts.comment++;
        } else if (kind === 6 && redeliver.length) {
          [event, payload, delivery] = redeliver.shift()!;
          counts.redelivered++;
        } else {
          [event, payload] = ["pull_request", prPayload(kind === 0 ? "opened" : kind === 4 ? "edited" : "synchronize", n, sha, baseSha)];
          counts.pull_request++;
        }
        if (kind === 1) redeliver.push([event, payload, delivery]);
        sent.push(deliver(server, event, payload, { delivery }));
        if (i % 25 === 24) await Promise.all(sent.splice(0));
      }
      const statuses = await Promise.all(sent);
      expect(statuses.every((s) => s < 300)).toBe(true);
      if (TOTAL >= 50) expect(Math.min(counts.slash, counts.redelivered, counts.comment)).toBeGreaterThan(0);

      // The newest push lands last, as GitHub would send it after the burst.
      for (const n of PRS) {
        fake.pulls.find((p) => p.number === n)!.headRef = heads.get(n)!.at(-1)!;
        await deliver(server, "pull_request", prPayload("synchronize", n, heads.get(n)!.at(-1)!, baseSha));
      }
      await waitFor(
        () =>
          PRS.every((n) => botComments(fake, n).length === 1 && botComments(fake, n)[0]!.body.includes(heads.get(n)!.at(-1)!)) &&
          fake.checkRuns.every((c) => c.status === "completed"),
        Math.max(120_000, TOTAL * 4000),
      );
      // Reviews still queued when the condition first held must not change the outcome when they finish.
      await quiescent(fake, 3000, 600_000);
    } finally {
      clearInterval(sampler);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    for (const n of PRS) {
      const newest = heads.get(n)!.at(-1)!;
      const comments = botComments(fake, n);
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain(`head=${newest}`);
      // Created once and then updated in place: no duplicate was ever written and deleted.
      const created = fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/issues/${n}/comments`) && r.status === 201);
      expect(created).toHaveLength(1);
      expect(fake.requests.filter((r) => r.method === "DELETE" && r.route.includes("/issues/comments/"))).toHaveLength(0);
      const latest = fake.checkRuns.filter((c) => heads.get(n)!.includes(c.head_sha)).at(-1)!;
      expect(latest.head_sha).toBe(newest);
      expect(latest.status).toBe("completed");
      expect(completedOn(fake, newest).length).toBeGreaterThanOrEqual(1);
      // The comment and the latest check show the same review: same conclusion, same base → head.
      expect(conclusionLine(comments[0]!.body)).toContain(`\`${newest.slice(0, 7)}\``);
      expect(conclusionLine(latest.output?.summary ?? "")).toBe(conclusionLine(comments[0]!.body));
    }
    expect(fake.comments.filter((c) => c.user.login === BOT && !c.body.includes("finetune-review -->"))).toHaveLength(0);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = rssMb(server.pid);
    const perPr = PRS.map((n) => `#${n}: ${botComments(fake, n).length}`).join(", ");
    process.stdout.write(
      `load: ${TOTAL} webhooks (${counts.pull_request} pull_request, ${counts.slash} slash commands, ${counts.comment} other comments, ${counts.redelivered} redeliveries) ` +
        `in ${seconds} s, ${fake.checkRuns.length} check runs, ${fake.requests.length} API requests; ` +
        `RSS ${rssBefore} MB before, ${rssPeak} MB peak, ${rssAfter} MB after; sticky comments per PR ${perPr}\n`,
    );
    // A generous bound, not a timing: a leak of per-review state over hundreds of webhooks would exceed it.
    expect(rssAfter).toBeLessThan(rssBefore + 400);
  }, 3_600_000);
});
