/**
 * One review at a time per pull request in this process, with coalescing: while a PR's review runs,
 * at most one more waits, and a newer event replaces the waiting one. Two reviews of one PR running
 * together would both list comments, find none and both create one; serialising them removes that
 * race here, and the sticky comment's delete-duplicates pass is the safety net across replicas.
 */

/** A queued review: `run` gets whether it waited behind another (its event may be stale by then). */
export type PullJob = (waited: boolean) => Promise<void>;

interface Lane {
  running: Promise<void>;
  /** The job that runs next, and everyone awaiting it (replaced jobs resolve when it finishes). */
  next?: { job: PullJob; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> };
}

/** Per-PR serial lanes keyed by `owner/repo#number`; lanes are dropped once idle, so memory stays flat. */
export class PullQueue {
  private readonly lanes = new Map<string, Lane>();

  /** Number of PRs with a review running (for tests and diagnostics). */
  get active(): number {
    return this.lanes.size;
  }

  /**
   * Runs `job` now if nothing runs for `key`, else after the running review; a later call for the same
   * key before it starts replaces it (the caller's promise then settles with the replacing job).
   */
  enqueue(key: string, job: PullJob): Promise<void> {
    const lane = this.lanes.get(key);
    if (!lane) {
      const running = this.start(key, job, false);
      return running;
    }
    return new Promise<void>((resolve, reject) => {
      if (lane.next) lane.next.job = job;
      else lane.next = { job, waiters: [] };
      lane.next.waiters.push({ resolve, reject });
    });
  }

  private start(key: string, job: PullJob, waited: boolean): Promise<void> {
    const lane: Lane = this.lanes.get(key) ?? { running: Promise.resolve() };
    const running = job(waited).finally(() => this.advance(key));
    lane.running = running;
    this.lanes.set(key, lane);
    return running;
  }

  private advance(key: string): void {
    const lane = this.lanes.get(key);
    const next = lane?.next;
    if (!lane || !next) {
      this.lanes.delete(key);
      return;
    }
    lane.next = undefined;
    this.start(key, next.job, true).then(
      () => next.waiters.forEach((w) => w.resolve()),
      (e: unknown) => next.waiters.forEach((w) => w.reject(e)),
    );
  }
}

/** The process-wide queue the webhook handlers share. */
export const pullQueue = new PullQueue();
