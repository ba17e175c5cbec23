import { describe, expect, it } from "@jest/globals";
import { PullQueue } from "../../src/github/pr-queue.js";

/** A job that records its start and waits until released. */
function gate(name: string, log: string[]) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    job: async (waited: boolean) => {
      log.push(`${name}${waited ? " (waited)" : ""}`);
      await done;
    },
    release,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("PullQueue", () => {
  it("runs one review per PR at a time; a newer job of the same kind replaces the waiting one", async () => {
    const queue = new PullQueue();
    const log: string[] = [];
    const [a, b, c] = [gate("A", log), gate("B", log), gate("C", log)];
    const pa = queue.enqueue("acme/models#1", a.job);
    const pb = queue.enqueue("acme/models#1", b.job);
    const pc = queue.enqueue("acme/models#1", c.job);
    await tick();
    expect(log).toEqual(["A"]);
    a.release();
    c.release();
    await Promise.all([pa, pb, pc]);
    expect(log).toEqual(["A", "C (waited)"]);
    expect(queue.active).toBe(0);
  });

  it("a re-run of an exact sha never displaces the waiting review of the newest head", async () => {
    const queue = new PullQueue();
    const log: string[] = [];
    const [a, push, rerun] = [gate("A", log), gate("push B", log), gate("re-run A", log)];
    const running = queue.enqueue("acme/models#1", a.job);
    const pushed = queue.enqueue("acme/models#1", push.job, "latest");
    const rerunning = queue.enqueue("acme/models#1", rerun.job, "sha:aaaa");
    a.release();
    push.release();
    rerun.release();
    await Promise.all([running, pushed, rerunning]);
    expect(log).toEqual(["A", "push B (waited)", "re-run A (waited)"]);
  });

  it("PRs do not wait for each other, and a failing job rejects only its own callers", async () => {
    const queue = new PullQueue();
    const log: string[] = [];
    const a = gate("A", log);
    const first = queue.enqueue("acme/models#1", a.job);
    const other = queue.enqueue("acme/models#2", async () => void log.push("other PR"));
    await other;
    expect(log).toEqual(["A", "other PR"]);
    const failing = queue.enqueue("acme/models#1", async () => {
      throw new Error("GitHub answered 502");
    });
    const after = gate("after", log);
    a.release();
    await expect(failing).rejects.toThrow("GitHub answered 502");
    await first;
    const last = queue.enqueue("acme/models#1", after.job);
    after.release();
    await last;
    expect(log).toEqual(["A", "other PR", "after"]);
    expect(queue.active).toBe(0);
  });
});
