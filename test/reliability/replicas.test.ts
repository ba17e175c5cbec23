/**
 * Three real servers (as `npm start` runs them) sharing one fake GitHub and one real Redis
 * (`redis-server` on loopback, started here): bursts of concurrent deliveries for one PR spread over
 * the replicas, then kill -9 of the replica running a long review.
 */
import { createRequire } from "node:module";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver, startAppServer, waitFor, type AppServer } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import { BOT, INSTALLATION, OWNER, REPO, botComments, commentPayload, prPayload, proposalRepo, startStack, type Stack } from "./harness.js";
import { startRedis, type RedisServer } from "./redis-server.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, any>[] }[];

const BURSTS = 30;
const TIMEOUT_MS = 20_000;
let redis: RedisServer;
let repo: TempRepo;
let baseSha: string;
const heads: string[] = [];
let longHead: string;
let stack: Stack;
let servers: AppServer[];

function rerunPayload(sha: string, number: number): Record<string, any> {
  const p = JSON.parse(JSON.stringify(examples.find((e) => e.name === "check_run")!.examples.find((x) => x.action === "rerequested")!)) as Record<string, any>;
  p.installation = { id: INSTALLATION };
  Object.assign(p.repository, { name: REPO, full_name: `${OWNER}/${REPO}`, html_url: `https://github.com/${OWNER}/${REPO}` });
  p.repository.owner.login = OWNER;
  p.check_run.name = "Fine-tuning review";
  p.check_run.head_sha = sha;
  p.check_run.pull_requests = [{ number, head: { sha }, base: { sha: baseSha } }];
  return p;
}

/** A completed check whose conclusion was written more than once: rewritten. */
const rewritten = (s: Stack) => s.fake.checkRuns.filter((c) => c.history.filter((h) => (h as { conclusion?: string }).conclusion !== undefined).length > 1);

beforeAll(async () => {
  redis = await startRedis();
  ({ repo, baseSha } = await proposalRepo());
  await repo.checkout("proposal");
  for (let i = 0; i < 6; i++)
    heads.push(
      await repo.commit({
        "data/extra.jsonl":
          String(GOOD.head["data/train.jsonl"])
            .split("\n")
            .slice(0, 5 + i)
            .join("\n") + "\n",
      }),
    );
  await repo.branch("long");
  longHead = await repo.commit({ "data/long.jsonl": String(GOOD.head["data/train.jsonl"]) });
  await repo.checkout("main");
  const env = { REDIS_URL: redis.url, REVIEW_TIMEOUT_MS: String(TIMEOUT_MS), SHUTDOWN_GRACE_MS: "4000", LOG_FORMAT: "json" };
  stack = await startStack(repo.dir, {
    env,
    pulls: [
      { number: 2, baseRef: "main", headRef: heads[0]!, body: GOOD.body },
      { number: 3, baseRef: "main", headRef: "long", body: GOOD.body },
    ],
  });
  servers = [stack.server, await startAppServer(stack.fake.host, env), await startAppServer(stack.fake.host, env)];
}, 120_000);

afterAll(async () => {
  await Promise.all((servers ?? []).slice(1).map((s) => s.stop()));
  await stack?.stop();
  await redis?.stop();
  await repo?.cleanup();
});

describe("replicas on one Redis", () => {
  it(`${BURSTS} bursts for one PR: one comment, no completed check rewritten, the newest head wins`, async () => {
    const { fake } = stack;
    const acks: number[] = [];
    const timed = async (s: AppServer, event: string, payload: unknown) => {
      const t = Date.now();
      const status = await deliver(s, event, payload);
      acks.push(Date.now() - t);
      return status;
    };
    for (let b = 0; b < BURSTS; b++) {
      const at = Math.min(heads.length - 1, Math.floor((b / BURSTS) * heads.length));
      const sha = heads[at]!;
      fake.pulls.find((p) => p.number === 2)!.headRef = sha;
      // A duplicate comment already present (another replica's, or an older version's).
      if (b % 7 === 3) fake.addComment(2, `<!-- finetune-review -->\nan old duplicate`, { login: BOT, type: "Bot" });
      const slash = fake.addComment(2, "/finetune-review", { login: "maintainer", type: "User" });
      const r = (i: number) => servers[(b + i) % servers.length]!;
      const statuses = await Promise.all([
        timed(r(0), "pull_request", prPayload("synchronize", 2, sha, baseSha)),
        timed(r(1), "pull_request", prPayload(b === 0 ? "opened" : "synchronize", 2, sha, baseSha)),
        timed(r(2), "issue_comment", commentPayload(2, slash.body, slash.user, "created", slash.id)),
        timed(r(0), "check_run", rerunPayload(sha, 2)),
        timed(r(1), "check_run", rerunPayload(heads[Math.max(0, at - 1)]!, 2)),
      ]);
      expect(statuses.every((s) => s < 300)).toBe(true);
      await new Promise((res) => setTimeout(res, 150));
    }
    const newest = heads.at(-1)!;
    await waitFor(
      () =>
        botComments(fake, 2).length === 1 &&
        botComments(fake, 2)[0]!.body.includes(`head=${newest}`) &&
        fake.checkRuns.length > 0 &&
        fake.checkRuns.every((c) => c.status === "completed"),
      240_000,
    );
    // Jobs still queued when that first held must not change the outcome.
    let seen = -1;
    let since = Date.now();
    await waitFor(() => {
      if (fake.requests.length !== seen) [seen, since] = [fake.requests.length, Date.now()];
      return Date.now() - since > 4000;
    }, 240_000);
    const comments = botComments(fake, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`head=${newest}`);
    expect(rewritten(stack)).toEqual([]);
    expect(fake.checkRuns.every((c) => c.status === "completed")).toBe(true);
    const onNewest = fake.checkRuns.filter((c) => c.head_sha === newest);
    expect(onNewest.length).toBeGreaterThan(0);
    // Every review of the newest head reached the same real result, none "could not run".
    expect(new Set(onNewest.map((c) => `${c.conclusion} ${c.output?.title}`)).size).toBe(1);
    expect(onNewest.some((c) => String(c.output?.title).includes("could not run"))).toBe(false);
    const ran = servers.map((s) => (s.logs().match(/"msg":"job started"/g) ?? []).length);
    expect(ran.filter((n) => n > 0).length).toBeGreaterThan(1);
    // Probot's limiter keeps its counts in the same Redis (Bottleneck's keys start with b_).
    const client = new Redis(redis.url);
    expect((await client.keys("b_*")).length).toBeGreaterThan(0);
    await client.quit();
    acks.sort((a, b) => a - b);
    const p99 = acks[Math.min(acks.length - 1, Math.floor(acks.length * 0.99))]!;
    process.stdout.write(
      `replicas: ${BURSTS} bursts, ${acks.length} deliveries, ack p99 ${p99} ms, ${fake.checkRuns.length} check runs, jobs per replica ${ran.join("/")}, ${fake.requests.length} API requests\n`,
    );
    expect(p99).toBeLessThan(1000);
  }, 600_000);

  it("kill -9 of the replica running a long review: another completes the check within the timeout plus a minute", async () => {
    const { fake } = stack;
    // The long review: its file list answers slowly once, so the first worker is mid-review when it dies.
    fake.fail(/pulls\/3\/files/, { delayMs: 15_000, times: 1 });
    expect(await deliver(servers[0]!, "pull_request", prPayload("opened", 3, longHead, baseSha))).toBeLessThan(300);
    await waitFor(() => fake.checkRuns.some((c) => c.head_sha === longHead && c.status === "in_progress"), 30_000);
    const victim = servers.find((s) =>
      s
        .logs()
        .split("\n")
        .some((l) => l.includes("job started") && l.includes(longHead)),
    )!;
    expect(victim).toBeDefined();
    const killedAt = Date.now();
    process.kill(victim.pid, "SIGKILL");
    await waitFor(() => fake.checkRuns.filter((c) => c.head_sha === longHead).every((c) => c.status === "completed"), TIMEOUT_MS + 60_000);
    const took = Date.now() - killedAt;
    const checks = fake.checkRuns.filter((c) => c.head_sha === longHead);
    // The takeover resumed the same check run: one check, completed, not a second one beside a stuck one.
    expect(checks).toHaveLength(1);
    expect(checks[0]!.status).toBe("completed");
    expect(String(checks[0]!.output?.title)).not.toContain("could not run");
    expect(took).toBeLessThan(TIMEOUT_MS + 60_000);
    const taker = servers.filter((s) => s !== victim).find((s) => s.logs().includes("taking over a job whose worker stopped"));
    expect(taker).toBeDefined();
    process.stdout.write(`kill -9: check completed ${Math.round(took / 1000)} s after the kill, conclusion ${checks[0]!.conclusion}\n`);
  }, 180_000);

  it("SIGTERM mid-review: the replica exits within its grace period and hands the job back; another completes the same check", async () => {
    const { fake } = stack;
    await repo.checkout("long");
    const head = await repo.commit({ "notes/sigterm.md": "again\n" });
    await repo.checkout("main");
    fake.fail(/pulls\/3\/files/, { delayMs: 15_000, times: 1 });
    const alive = servers.filter(
      (s) =>
        !s.logs().includes("__killed__") &&
        (() => {
          try {
            process.kill(s.pid, 0);
            return true;
          } catch {
            return false;
          }
        })(),
    );
    expect(await deliver(alive[0]!, "pull_request", prPayload("synchronize", 3, head, baseSha))).toBeLessThan(300);
    await waitFor(() => fake.checkRuns.some((c) => c.head_sha === head && c.status === "in_progress"), 30_000);
    const runner = alive.find((s) =>
      s
        .logs()
        .split("\n")
        .some((l) => l.includes("job started") && l.includes(head)),
    )!;
    expect(runner).toBeDefined();
    const t = Date.now();
    await runner.stop();
    const took = Date.now() - t;
    expect(took).toBeLessThan(4000 + 3000);
    expect(runner.logs()).toContain("handed back");
    await waitFor(() => fake.checkRuns.filter((c) => c.head_sha === head).every((c) => c.status === "completed"), 60_000);
    const checks = fake.checkRuns.filter((c) => c.head_sha === head);
    expect(checks).toHaveLength(1);
    expect(String(checks[0]!.output?.title)).not.toContain("could not run");
    process.stdout.write(`SIGTERM: exited in ${took} ms, the check completed by another replica (${checks[0]!.conclusion})\n`);
  }, 120_000);
});
