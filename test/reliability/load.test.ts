/**
 * Load through the real server: mixed events, redeliveries and synchronize bursts on several PRs at
 * once. Each PR ends with exactly one sticky comment showing its newest head, whose completed check is
 * the latest. `npm test` sends LOAD_WEBHOOKS (default 60); `npm run soak` sends 500 and prints RSS.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver, waitFor } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import { botComments, commentPayload, completedOn, prPayload, proposalRepo, rssMb, startStack, type Stack } from "./harness.js";

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
    for (let i = 0; i < 3; i++) shas.push(await repo.commit({ [`data/extra-${n}.jsonl`]: `${GOOD.head["data/train.jsonl"]}`.split("\n").slice(0, 10 + i).join("\n") + "\n" }));
    heads.set(n, shas);
  }
  await repo.checkout("main");
  stack = await startStack(repo.dir, { pulls: PRS.map((n) => ({ number: n, baseRef: "main", headRef: `pr-${n}`, body: GOOD.body })) });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await repo?.cleanup();
});

describe(`load: ${TOTAL} webhooks`, () => {
  it("one sticky comment per PR, the newest head reviewed last, memory settles", async () => {
    const { fake, server } = stack;
    const rssBefore = rssMb(server.pid);
    const sent: Promise<number>[] = [];
    const redeliver: Array<[string, Record<string, unknown>, string]> = [];
    for (let i = 0; i < TOTAL; i++) {
      const n = PRS[i % PRS.length]!;
      const shas = heads.get(n)!;
      // Early events carry older heads; the last third carries the newest, as pushes would.
      const sha = shas[Math.min(shas.length - 1, Math.floor((i / TOTAL) * shas.length))]!;
      const kind = i % 7;
      let event: string;
      let payload: Record<string, unknown>;
      if (kind === 5) [event, payload] = ["issue_comment", commentPayload(n, i % 2 ? "thanks, looks fine" : "> /finetune-review quoted")];
      else if (kind === 6 && redeliver.length) [event, payload] = [redeliver[0]![0], redeliver[0]![1]];
      else [event, payload] = ["pull_request", prPayload(kind === 0 ? "opened" : kind === 4 ? "edited" : "synchronize", n, sha, baseSha)];
      const delivery = kind === 6 && redeliver.length ? redeliver.shift()![2] : randomUUID();
      if (kind === 1) redeliver.push([event, payload, delivery]);
      sent.push(deliver(server, event, payload, { delivery }));
      if (i % 25 === 24) await Promise.all(sent.splice(0));
    }
    const statuses = await Promise.all(sent);
    expect(statuses.every((s) => s < 300)).toBe(true);

    // The newest push lands last, as GitHub would send it after the burst.
    for (const n of PRS) await deliver(server, "pull_request", prPayload("synchronize", n, heads.get(n)!.at(-1)!, baseSha));
    await waitFor(
      () => PRS.every((n) => botComments(fake, n).length === 1 && botComments(fake, n)[0]!.body.includes(heads.get(n)!.at(-1)!)) && fake.checkRuns.every((c) => c.status === "completed"),
      Math.max(120_000, TOTAL * 4000),
    );
    for (const n of PRS) {
      const newest = heads.get(n)!.at(-1)!;
      expect(botComments(fake, n)).toHaveLength(1);
      expect(botComments(fake, n)[0]!.body).toContain(`head=${newest}`);
      const latest = fake.checkRuns.filter((c) => heads.get(n)!.includes(c.head_sha)).at(-1)!;
      expect(latest.head_sha).toBe(newest);
      expect(completedOn(fake, newest).length).toBeGreaterThanOrEqual(1);
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = rssMb(server.pid);
    const reviews = fake.checkRuns.length;
    process.stdout.write(`load: ${TOTAL} webhooks, ${reviews} check runs, RSS ${rssBefore} MB before, ${rssAfter} MB after\n`);
    // A generous bound: a leak of per-review state over hundreds of webhooks would exceed it.
    expect(rssAfter).toBeLessThan(rssBefore + 400);
  }, 1_800_000);
});
