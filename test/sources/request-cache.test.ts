import { describe, expect, it } from "@jest/globals";
import { RequestCache } from "../../src/sources/request-cache.js";

describe("RequestCache", () => {
  it("asks once: a second caller shares the first's answer", async () => {
    const cache = new RequestCache();
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await cache.once("k", load)).toBe(1);
    expect(await cache.once("k", load)).toBe(1);
    expect(calls).toBe(1);
  });

  it("forgets a failure, so a later call asks again", async () => {
    const cache = new RequestCache();
    await expect(cache.once("k", () => Promise.reject(new Error("502")))).rejects.toThrow("502");
    expect(await cache.once("k", () => Promise.resolve("ok"))).toBe("ok");
  });

  it("keeps a warmed failure for the first real call, then forgets it", async () => {
    const cache = new RequestCache();
    let calls = 0;
    const failing = () => cache.once("k", () => (++calls === 1 ? Promise.reject(new Error("reset")) : Promise.resolve("second")));
    cache.warm(["k"], () => [failing()]);
    await new Promise((r) => setImmediate(r));
    await expect(failing()).rejects.toThrow("reset");
    await new Promise((r) => setImmediate(r));
    expect(await failing()).toBe("second");
    expect(calls).toBe(2);
  });

  it("keep drops a value its predicate refuses, and peek never starts a request", async () => {
    const cache = new RequestCache();
    await cache.keep("big", Promise.resolve(Buffer.alloc(10)), (b) => b.length < 5);
    expect(cache.peek("big")).toBeUndefined();
    await cache.keep("small", Promise.resolve(Buffer.alloc(1)), (b) => b.length < 5);
    expect(cache.peek("small")).toBeDefined();
  });
});
