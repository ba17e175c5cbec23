import type { Logger } from "probot";
import type { GitHubClient } from "./client.js";
import { pullQueue, type PullQueue } from "./pr-queue.js";
import { laneOf, processJob, type ReviewJob } from "./review-job.js";

/** How many reviews one replica runs at once by default (each holds up to one 50 MB file's scan). */
export const DEFAULT_CONCURRENCY = 4;

/** What the webhook handlers need from a queue, in-process or on Redis. */
export interface ReviewQueue {
  /** Queues a job. In-process: settles when the job has run; on Redis: once it is stored. */
  submit(job: ReviewJob): Promise<void>;
  /** Reviews running in this process. */
  readonly running: number;
  /** Stops taking jobs; running ones finish, or are handed back once `graceMs` has passed. */
  close(graceMs: number): Promise<void>;
}

/** How a queue gets what a job needs: the installation's client, the bot login, the timeout. */
export interface WorkerDeps {
  client: (job: ReviewJob) => Promise<GitHubClient>;
  botLogin: () => Promise<string>;
  log: Logger;
  timeoutMs?: number;
  concurrency?: number;
}

/** Bounds how many tasks run at once; the rest wait in arrival order. */
class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.used++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    }
  }
}

/**
 * The queue without `REDIS_URL`: per-PR lanes in this process ({@link PullQueue}: one review per PR,
 * a newer waiting job of a kind replaces the older) and at most `concurrency` reviews at once. Jobs
 * live in memory: a crash loses the waiting ones (one replica; say so in the README).
 */
export class InProcessQueue implements ReviewQueue {
  private readonly slots: Slots;
  private count = 0;
  constructor(
    private readonly deps: WorkerDeps,
    private readonly lanes: PullQueue = pullQueue,
  ) {
    this.slots = new Slots(deps.concurrency ?? DEFAULT_CONCURRENCY);
  }

  get running(): number {
    return this.lanes.active + this.count;
  }

  submit(job: ReviewJob): Promise<void> {
    const lane = laneOf(job);
    const run = () => this.slots.run(() => this.process(job, lane));
    if (!lane) {
      this.count++;
      return this.process(job, lane).finally(() => this.count--);
    }
    return this.lanes.enqueue(lane.key, run, lane.kind);
  }

  private async process(job: ReviewJob, lane: { key: string } | undefined): Promise<void> {
    const log = this.deps.log.child({ job: job.kind, repo: `${job.owner}/${job.repo}`, pr: job.number });
    await processJob(job, {
      octokit: await this.deps.client(job),
      log,
      botLogin: this.deps.botLogin,
      timeoutMs: this.deps.timeoutMs,
      submit: (next) => this.submit(next),
      superseded: () => Promise.resolve(lane ? this.lanes.hasWaiting(lane.key, "latest") : false),
    });
  }

  async close(graceMs: number): Promise<void> {
    const deadline = Date.now() + graceMs;
    while (this.running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
}
