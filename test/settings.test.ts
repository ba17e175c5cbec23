import { afterEach, describe, expect, it } from "@jest/globals";
import { Writable } from "node:stream";
import { runAction } from "../src/action.js";
import { main } from "../src/cli.js";
import { readSettings, SettingsError } from "../src/settings.js";

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) }) as Writable & { text: () => string };
  w.text = () => chunks.join("");
  return w;
}

describe("readSettings", () => {
  it("reads whole numbers of milliseconds, worker counts and log levels; unset and empty mean the default", () => {
    expect(
      readSettings({ REVIEW_TIMEOUT_MS: "300000", SHUTDOWN_GRACE_MS: " 25000 ", FINETUNE_REVIEW_SCAN_WORKERS: "0", LOG_LEVEL: "debug", PATH: "/bin" }),
    ).toEqual({
      REVIEW_TIMEOUT_MS: 300000,
      SHUTDOWN_GRACE_MS: 25000,
      FINETUNE_REVIEW_SCAN_WORKERS: 0,
      LOG_LEVEL: "debug",
    });
    expect(readSettings({ REVIEW_TIMEOUT_MS: "", LOG_LEVEL: "  " })).toEqual({});
  });

  it.each([
    ["REVIEW_TIMEOUT_MS", "5m", /REVIEW_TIMEOUT_MS="5m": expected a whole number of milliseconds, e\.g\. 300000 for 5 minutes/],
    ["REVIEW_TIMEOUT_MS", "1.5", /REVIEW_TIMEOUT_MS="1\.5": expected a whole number of milliseconds/],
    ["REVIEW_TIMEOUT_MS", "0", /REVIEW_TIMEOUT_MS="0": expected at least 1 millisecond/],
    ["SHUTDOWN_GRACE_MS", "25s", /SHUTDOWN_GRACE_MS="25s": expected a whole number of milliseconds, e\.g\. 25000/],
    ["FINETUNE_REVIEW_SCAN_WORKERS", "two", /FINETUNE_REVIEW_SCAN_WORKERS="two": expected a whole number of worker threads/],
    ["LOG_LEVEL", "verbose", /LOG_LEVEL="verbose": expected one of trace, debug, info, warn, error, fatal, silent/],
  ])("rejects %s=%s, naming the variable and the form expected", (name, value, message) => {
    expect(() => readSettings({ [name]: value })).toThrow(SettingsError);
    expect(() => readSettings({ [name]: value })).toThrow(message);
  });

  it("names every bad variable at once", () => {
    expect(() => readSettings({ REVIEW_TIMEOUT_MS: "5m", SHUTDOWN_GRACE_MS: "soon" })).toThrow(/REVIEW_TIMEOUT_MS="5m": .*; SHUTDOWN_GRACE_MS="soon": /);
  });
});

describe("the entry points validate the environment at start-up", () => {
  const saved = process.env.REVIEW_TIMEOUT_MS;
  afterEach(() => {
    if (saved === undefined) delete process.env.REVIEW_TIMEOUT_MS;
    else process.env.REVIEW_TIMEOUT_MS = saved;
  });

  it("the CLI exits 2 with one line naming the variable", async () => {
    process.env.REVIEW_TIMEOUT_MS = "5m";
    const out = sink();
    const err = sink();
    expect(await main(["review", "--base", "main"], out, err)).toBe(2);
    expect(err.text()).toBe(
      'finetune-review: invalid environment: REVIEW_TIMEOUT_MS="5m": expected a whole number of milliseconds, e.g. 300000 for 5 minutes\n',
    );
    expect(out.text()).toBe("");
  });

  it("the Action fails its step before any request, as a workflow error annotation", async () => {
    const out = sink();
    const result = await runAction({
      env: { REVIEW_TIMEOUT_MS: "5m", GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: "/nonexistent", GITHUB_TOKEN: "t" },
      out,
    });
    expect(result.exitCode).toBe(1);
    expect(out.text()).toMatch(/^::error::finetune-review: invalid environment: REVIEW_TIMEOUT_MS="5m": expected a whole number of milliseconds/);
  });

  it("the App refuses to load", async () => {
    process.env.REVIEW_TIMEOUT_MS = "5m";
    const { default: app } = await import("../src/app.js");
    expect(() => app({ on: () => undefined, log: console } as never)).toThrow(/REVIEW_TIMEOUT_MS="5m"/);
  });
});
