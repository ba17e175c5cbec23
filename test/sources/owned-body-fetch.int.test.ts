/**
 * Raw downloads keep their body when the Response is garbage-collected: Node 20's fetch cancels an
 * unlocked body at GC, which failed concurrent large reviews. A real HTTP server on loopback, and a
 * real GC between receiving the response and reading its body.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ownedBodyFetch } from "../../src/sources/github.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const SIZE = 1 << 20;
let server: Server;
let url: string;
let slowClosed: () => void = () => undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== "/slow") return void res.end(Buffer.alloc(SIZE, 97));
    // Never ends on its own: only the client cancelling closes it.
    res.write("first chunk");
    res.once("close", () => slowClosed());
  }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Keeps only the body, collects garbage twice, then reads it: what Octokit's raw responses go through. */
async function readAfterGc(get: (u: string) => Promise<Response>): Promise<"ok" | string> {
  const body = (await get(url)).body;
  await pause();
  gc();
  await pause();
  gc();
  try {
    const bytes = await new Response(body).arrayBuffer();
    return bytes.byteLength === SIZE ? "ok" : `short body: ${bytes.byteLength}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("ownedBodyFetch", () => {
  it("keeps every body readable after its Response is collected (plain fetch loses them here)", async () => {
    const owned: string[] = [];
    for (let i = 0; i < 10; i++) owned.push(await readAfterGc(ownedBodyFetch));
    expect(owned).toEqual(Array(10).fill("ok"));
    // The control: without the wrapper this same sequence loses the body, so the test does test something.
    expect(await readAfterGc((u) => fetch(u))).toMatch(/disturbed or locked/);
  });

  it("passes status and headers through, and cancelling the stream cancels the download", async () => {
    const response = await ownedBodyFetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(SIZE));
    await response.body!.cancel("not needed");
    const closed = new Promise<void>((resolve) => (slowClosed = resolve));
    const slow = await ownedBodyFetch(`${url}slow`);
    const reader = slow.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).toString()).toBe("first chunk");
    await reader.cancel("stop");
    await expect(closed).resolves.toBeUndefined();
  });
});
