/**
 * No Docker engine runs here, so this replays the Dockerfile: each stage gets a temp folder as its
 * WORKDIR, COPY copies from the repo (or an earlier stage), RUN runs there in order, then the final
 * stage's CMD starts with test credentials and the HEALTHCHECK command probes /health.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "@jest/globals";

const run = promisify(execFile);
const repoRoot = new URL("../../", import.meta.url).pathname;

interface Stage {
  name?: string;
  from: string;
  steps: { op: string; args: string }[];
}

/** Parses the Dockerfile into stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (op!.toUpperCase() === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
      stages.push({ from: m[1]!, name: m[2], steps: [] });
    } else stages.at(-1)!.steps.push({ op: op!.toUpperCase(), args });
  }
  return stages;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const stageDirs = new Map<string, string>();
let server: ChildProcess | undefined;
const temps: string[] = [];

afterAll(async () => {
  server?.kill("SIGTERM");
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe("Dockerfile", () => {
  let stages: Stage[];
  let final: { dir: string; env: Record<string, string>; cmd: string[]; healthcheck: string[]; user?: string };

  it("is multi-stage, runs as a non-root user and declares a HEALTHCHECK on /health", async () => {
    stages = parseDockerfile(await readFile(join(repoRoot, "Dockerfile"), "utf8"));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.every((s) => /^node:20/.test(s.from))).toBe(true);
    const last = stages.at(-1)!;
    const user = last.steps.filter((s) => s.op === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
    expect(last.steps.find((s) => s.op === "HEALTHCHECK")?.args).toMatch(/\/health/);
    expect(last.steps.some((s) => s.op === "RUN" && /npm ci\b.*--omit=dev/.test(s.args))).toBe(true);
  });

  it("replays every stage's steps in order", async () => {
    for (const stage of stages) {
      const dir = await mkdtemp(join(tmpdir(), `ftr-docker-${stage.name ?? "final"}-`));
      temps.push(dir);
      const env: Record<string, string> = {};
      let cmd: string[] = [];
      let healthcheck: string[] = [];
      let user: string | undefined;
      for (const step of stage.steps) {
        if (step.op === "WORKDIR" || step.op === "EXPOSE") continue;
        if (step.op === "ENV") {
          const [k, ...v] = step.args.split("=");
          env[k!] = v.join("=");
        } else if (step.op === "COPY") {
          const from = /^--from=(\S+)\s+/.exec(step.args);
          const parts = step.args.replace(/^--from=\S+\s+/, "").split(/\s+/);
          const dest = parts.pop()!;
          const root = from ? stageDirs.get(from[1]!)! : repoRoot;
          for (const src of parts) {
            const srcPath = from ? join(root, src.replace(/^\/app\/?/, "")) : join(root, src);
            const isDir = (await stat(srcPath)).isDirectory();
            const target = dest.endsWith("/") && !isDir ? join(dir, dest, src.split("/").pop()!) : join(dir, dest);
            await cp(srcPath, target, { recursive: true });
          }
        } else if (step.op === "RUN") {
          await run("sh", ["-c", step.args], { cwd: dir, env: { ...process.env, ...env, npm_config_update_notifier: "false" }, maxBuffer: 1 << 28 });
        } else if (step.op === "USER") user = step.args;
        else if (step.op === "CMD") cmd = JSON.parse(step.args) as string[];
        else if (step.op === "HEALTHCHECK") healthcheck = JSON.parse(step.args.replace(/^.*?CMD\s+/, "")) as string[];
        else throw new Error(`the replay does not know Dockerfile instruction ${step.op}`);
      }
      if (stage.name) stageDirs.set(stage.name, dir);
      final = { dir, env, cmd, healthcheck, user };
    }
    await stat(join(final.dir, "dist/index.js"));
    await stat(join(final.dir, "rules/detection.yml"));
    await expect(stat(join(final.dir, "node_modules/typescript"))).rejects.toThrow();
    await expect(stat(join(final.dir, "node_modules/jest"))).rejects.toThrow();
    await expect(stat(join(final.dir, "test"))).rejects.toThrow();
  }, 300_000);

  it("starts its CMD with test credentials and answers the HEALTHCHECK", async () => {
    const port = await freePort();
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: final.dir, ...final.env, APP_ID: "12345", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "test-secret", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", NO_SMEE_SETUP: "true" };
    const [bin, ...args] = final.cmd;
    const child = spawn(bin === "node" ? process.execPath : bin!, args, { cwd: final.dir, env, stdio: ["ignore", "pipe", "pipe"] });
    server = child;
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect({ status, output: status === 200 ? "" : output }).toEqual({ status: 200, output: "" });
    const [hcBin, ...hcArgs] = final.healthcheck;
    const probe = await run(hcBin === "node" ? process.execPath : hcBin!, hcArgs, { env: { ...env } }).then(() => 0, (e: { code?: number }) => e.code ?? 1);
    expect(probe).toBe(0);
    const unsigned = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "1" }, body: "{}" });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
  }, 60_000);
});
