/**
 * One review at a time per pull request in this process, with coalescing: while a PR's review runs,
 * at most one job of each kind waits, and a newer job of the same kind replaces the waiting one
 * (kinds: "review the PR's newest head", or "review this exact sha" for a Re-run, so a Re-run of an
 * old check never displaces the review of a newer push). Two reviews of one PR running
 * together would both list comments, find none and both create one; serialising them removes that
 * race. This is the in-process queue's lane; on Redis, `redis-queue.ts` holds the same lane across
 * replicas with a lock, and the sticky comment's delete-duplicates pass is the last safety net.
 */

/** A queued review: `run` gets whether it waited behind another (its event may be stale by then). */
export type PullJob = (waited: boolean) => Promise<void>;

interface Waiting {
  job: PullJob;
  /** Everyone awaiting this kind's job: replaced jobs' callers settle when their replacement finishes. */
  waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

interface Lane {
  running: Promise<void>;
  /** The jobs that run next, one per kind, in the order their kinds first arrived. */
  next: Map<string, Waiting>;
}

/** Per-PR serial lanes keyed by `owner/repo#number`; lanes are dropped once idle, so memory stays flat. */
export class PullQueue {
  private readonly lanes = new Map<string, Lane>();

  /** Number of PRs with a review running (for tests and diagnostics). */
  get active(): number {
    return this.lanes.size;
  }

  /** Whether a job of `kind` waits behind the running review of `key`. */
  hasWaiting(key: string, kind: string): boolean {
    return this.lanes.get(key)?.next.has(kind) ?? false;
  }

  /**
   * Runs `job` now if nothing runs for `key`, else after the running review; a later call for the same
   * key before it starts replaces it (the caller's promise then settles with the replacing job).
   */
  enqueue(key: string, job: PullJob, kind = "latest"): Promise<void> {
    const lane = this.lanes.get(key);
    if (!lane) return this.start(key, job, false);
    return new Promise<void>((resolve, reject) => {
      const waiting = lane.next.get(kind);
      if (waiting) waiting.job = job;
      else lane.next.set(kind, { job, waiters: [] });
      lane.next.get(kind)!.waiters.push({ resolve, reject });
    });
  }

  private start(key: string, job: PullJob, waited: boolean): Promise<void> {
    const lane: Lane = this.lanes.get(key) ?? { running: Promise.resolve(), next: new Map() };
    const running = job(waited).finally(() => this.advance(key));
    lane.running = running;
    this.lanes.set(key, lane);
    return running;
  }

  private advance(key: string): void {
    const lane = this.lanes.get(key);
    const [kind, next] = lane?.next.entries().next().value ?? [];
    if (!lane || kind === undefined || !next) {
      this.lanes.delete(key);
      return;
    }
    lane.next.delete(kind);
    this.start(key, next.job, true).then(
      () => next.waiters.forEach((w) => w.resolve()),
      (e: unknown) => next.waiters.forEach((w) => w.reject(e)),
    );
  }
}

/** The process-wide queue the webhook handlers share. */
export const pullQueue = new PullQueue();
