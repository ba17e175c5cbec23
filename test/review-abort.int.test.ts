/**
 * A review given an AbortSignal stops reading when it aborts: the App aborts a review it gave up on
 * at its timeout, so the review stops using CPU and scan workers instead of running on unobserved.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { review } from "../src/review.js";
import { LocalGitSource } from "../src/sources/local-git.js";
import type { Source } from "../src/types.js";
import { createTempRepo, type TempRepo } from "./helpers/git-repo.js";
import { chatJsonl, GOOD } from "./helpers/proposal-scenario.js";

let repo: TempRepo;
let base: string;
let head: string;

beforeAll(async () => {
  repo = await createTempRepo();
  base = await repo.commit({ ...GOOD.base });
  await repo.branch("proposal");
  // About 5 MB: large enough to be scanned in parts, small enough to be detected from one read (not
  // streamed), so the counted stream is the scan's.
  const train = `${chatJsonl(20_000, 3, (i) => `Routed to ticket queue ${i % 7}, answered in full sentences for the customer.`).join("\n")}\n`;
  expect(train.length).toBeGreaterThan(4 << 20);
  expect(train.length).toBeLessThan(8 << 20);
  head = await repo.commit({ ...GOOD.head, "data/train.jsonl": train });
}, 60_000);

afterAll(async () => {
  await repo?.cleanup();
});

/**
 * The source, with its dataset stream re-cut into 64 KB chunks (as git or GitHub stream it; the
 * local source answers a file it has read whole in one chunk) and counted, aborting `controller`
 * when it hands out chunk number `after`.
 */
function countingSource(source: LocalGitSource, controller: AbortController, after: number) {
  const seen = { chunks: 0, closed: false };
  const readStream = async function* (ref: string, path: string): AsyncIterable<Buffer> {
    if (path !== "data/train.jsonl") {
      yield* source.readStream(ref, path);
      return;
    }
    try {
      for await (const bytes of source.readStream(ref, path)) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) {
          seen.chunks++;
          if (seen.chunks === after) controller.abort(new Error("stopped by the test"));
          yield bytes.subarray(at, at + 64 * 1024);
        }
      }
    } finally {
      seen.closed = true;
    }
  };
  const wrapped = new Proxy(source, {
    get(target, key) {
      if (key === "readStream") return readStream;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as Source;
  return { wrapped, seen };
}

describe("review with an AbortSignal", () => {
  // Chunk 3 is within the first 4 MB the scan reads before it decides to cut the file into parts; chunk 70 is after.
  it.each([3, 70])(
    "rejects with the signal's reason at the next dataset chunk and closes the dataset stream (abort at chunk %i)",
    async (after) => {
      const controller = new AbortController();
      const { wrapped, seen } = countingSource(await LocalGitSource.open(repo.dir, base, head), controller, after);
      await expect(review({ source: wrapped, signal: controller.signal })).rejects.toThrow("stopped by the test");
      // The chunk handed out as the signal aborts is the last one taken.
      expect(seen.chunks).toBe(after);
      expect(seen.closed).toBe(true);
    },
    60_000,
  );

  it("reviews the same PR in full when the signal never aborts", async () => {
    const controller = new AbortController();
    const { wrapped, seen } = countingSource(await LocalGitSource.open(repo.dir, base, head), controller, Number.MAX_SAFE_INTEGER);
    const result = await review({ source: wrapped, signal: controller.signal });
    expect(seen.chunks).toBeGreaterThan(64);
    expect(seen.closed).toBe(true);
    expect(result.artifacts.map((a) => a.path)).toContain("data/train.jsonl");
    expect(result.findings.filter((f) => f.ruleId === "dataset-format")).toEqual([]);
  }, 60_000);
});
