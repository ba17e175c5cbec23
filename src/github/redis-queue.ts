import { randomUUID } from "node:crypto";
import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import { Redis } from "ioredis";
import { failCheckRun } from "./check-run.js";
import { laneOf, processJob, type ReviewJob } from "./review-job.js";
import { DEFAULT_CONCURRENCY, type ReviewQueue, type WorkerDeps } from "./review-queue.js";
import { HandedBack } from "./review-and-report.js";

/** The BullMQ queue's name (its Redis keys start `bull:finetune-review:`). */
export const QUEUE_NAME = "finetune-review";
/** A dead worker's job lock lapses after this; the stalled check then hands its job to another worker. */
export const LOCK_MS = 20_000;
const STALLED_CHECK_MS = 10_000;
const TAKEOVER_MIN_MS = 25_000;
/** A lane busy on another replica: the job comes back after about this long. */
const LANE_RETRY_MS = 1_000;
const LANE_TTL_S = 7 * 24 * 3600;

/** A stored job: the event's job plus what the queue and a takeover need. */
interface Stored extends ReviewJob {
  /** Order of submission within the lane: a `pull` job runs only while it is its lane's newest. */
  seq?: number;
  checkRunId?: number;
  checkCompleted?: boolean;
  onError?: "failure" | "neutral";
  /** When the first attempt started: a takeover gets what is left of the review timeout. */
  startedAt?: number;
}

/** ioredis options from a `redis://` or `rediss://` URL, for BullMQ (which needs no request retry limit). */
function connectionOf(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    ...(u.pathname.length > 1 && { db: Number(u.pathname.slice(1)) }),
    ...(u.protocol === "rediss:" && { tls: {} }),
    maxRetriesPerRequest: null,
  };
}

// Compare-and-renew and compare-and-delete: only the holder's token may extend or release a lane.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * The queue with `REDIS_URL`: BullMQ on Redis, shared by every replica. Any worker takes any job; a
 * lane (one PR) runs one review at a time across replicas, held by a Redis lock with a token that
 * the holder renews (so one writer owns the sticky comment); a job for a lane that is busy elsewhere
 * is delayed and comes back. Each lane keeps the newest submission number per kind: an older `pull`
 * job (an older head) is dropped when it comes up, a `sha` re-run is dropped only for a newer re-run
 * of the same sha. A job remembers the check run it created, so a worker that takes over a stalled
 * job (BullMQ's stalled check) resumes that check instead of leaving it in progress.
 */
export class RedisQueue implements ReviewQueue {
  private readonly queue: Queue<Stored>;
  private readonly worker: Worker<Stored>;
  private readonly redis: Redis;
  private readonly aborts = new Set<AbortController>();

  constructor(
    url: string,
    private readonly deps: WorkerDeps,
  ) {
    const connection = connectionOf(url);
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    this.redis.on("error", (error) => deps.log.error({ err: error.message }, "redis"));
    // Storing a job gives up after a few retries (the webhook then gets an error GitHub shows as failed); the worker waits Redis out.
    this.queue = new Queue<Stored>(QUEUE_NAME, {
      connection: { ...connection, maxRetriesPerRequest: 3 } as ConnectionOptions,
      defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
    });
    this.queue.on("error", (error) => deps.log.error({ err: error.message }, "queue"));
    this.worker = new Worker<Stored>(QUEUE_NAME, (job, token) => this.process(job, token), {
      connection,
      concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: 2,
    });
    this.worker.on("error", (error) => deps.log.error({ err: error.message }, "worker"));
    this.worker.on("failed", (job, error) => void this.failed(job, error));
  }

  get running(): number {
    return this.aborts.size;
  }

  async submit(job: ReviewJob): Promise<void> {
    const lane = laneOf(job);
    let seq: number | undefined;
    if (lane) {
      seq = await this.redis.incr(`ftr:seq`);
      await this.redis.multi().hset(`ftr:lane:${lane.key}`, lane.kind, seq).expire(`ftr:lane:${lane.key}`, LANE_TTL_S).exec();
    }
    await this.queue.add(job.kind, { ...job, seq });
  }

  private async newest(key: string, kind: string): Promise<number> {
    return Number((await this.redis.hget(`ftr:lane:${key}`, kind)) ?? 0);
  }

  private async process(job: Job<Stored>, token?: string): Promise<void> {
    const data = job.data;
    const lane = laneOf(data);
    const log = this.deps.log.child({ job: data.kind, jobId: job.id, repo: `${data.owner}/${data.repo}`, pr: data.number });
    if (lane && data.seq !== undefined && !data.checkRunId && (await this.newest(lane.key, lane.kind)) > data.seq) {
      log.info("a newer job of this lane is queued; dropped");
      return;
    }
    const lock = lane && `ftr:lock:${lane.key}`;
    const holder = randomUUID();
    if (lock && (await this.redis.set(lock, holder, "PX", LOCK_MS, "NX")) !== "OK") {
      await job.moveToDelayed(Date.now() + LANE_RETRY_MS + Math.floor(Math.random() * 500), token);
      throw new DelayedError();
    }
    const abort = new AbortController();
    this.aborts.add(abort);
    const renew = lock && setInterval(() => void this.redis.eval(RENEW, 1, lock, holder, String(LOCK_MS)).catch(() => undefined), LOCK_MS / 3);
    try {
      if (data.checkCompleted) {
        log.warn({ checkRunId: data.checkRunId }, "taken over after its check completed; the check keeps its result");
        return;
      }
      const startedAt = data.startedAt ?? Date.now();
      const budget = this.deps.timeoutMs ?? 5 * 60_000;
      if (data.checkRunId || job.stalledCounter > 0)
        log.warn({ checkRunId: data.checkRunId, stalled: job.stalledCounter }, "taking over a job whose worker stopped");
      await processJob(data, {
        octokit: await this.deps.client(data),
        log,
        botLogin: this.deps.botLogin,
        // A takeover gets what is left of the first attempt's time, and at least TAKEOVER_MIN_MS: with the stalled
        // check's delay (at most LOCK_MS + STALLED_CHECK_MS) the check completes within the timeout plus a minute.
        timeoutMs: Math.max(TAKEOVER_MIN_MS, startedAt + budget - Date.now()),
        submit: (next) => this.submit(next),
        superseded: async () => (lane && data.seq !== undefined ? (await this.newest(lane.key, "latest")) > data.seq : false),
        resume: {
          checkRunId: data.checkRunId,
          adopt: job.stalledCounter > 0,
          signal: abort.signal,
          onCheckRun: async (id, state) => {
            Object.assign(data, { checkRunId: id, checkCompleted: state.completed, onError: state.onError, startedAt });
            await job.updateData(data);
          },
        },
      });
    } catch (error) {
      if (!(error instanceof HandedBack)) throw error;
      log.info("handed back: another worker resumes it");
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    } finally {
      if (renew) clearInterval(renew);
      this.aborts.delete(abort);
      if (lock) await this.redis.eval(RELEASE, 1, lock, holder).catch(() => undefined);
    }
  }

  /** A job that failed for good (stalled too often, or an error outside the review): its check must not stay in progress. */
  private async failed(job: Job<Stored> | undefined, error: Error): Promise<void> {
    const data = job?.data;
    this.deps.log.error({ err: error.message, jobId: job?.id, job: data?.kind }, "job failed");
    if (!data?.checkRunId || data.checkCompleted) return;
    try {
      const octokit = await this.deps.client(data);
      await failCheckRun(
        octokit,
        { owner: data.owner, repo: data.repo },
        data.checkRunId,
        data.onError ?? "failure",
        `the review job failed (${error.message})`,
      );
    } catch (reportError) {
      this.deps.log.error({ err: (reportError as Error).message }, "could not complete the check run of a failed job");
    }
  }

  async close(graceMs: number): Promise<void> {
    const closing = this.worker.close();
    const timer = setTimeout(() => this.aborts.forEach((a) => a.abort()), Math.max(0, graceMs - 2_000));
    await closing;
    clearTimeout(timer);
    await Promise.allSettled([this.queue.close(), this.redis.quit()]);
  }
}
