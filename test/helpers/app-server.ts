import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A real finetune-review server, started exactly as `npm start` does, pointed at a fake GitHub. */
export interface AppServer {
  url: string;
  secret: string;
  /** Everything the server printed (to assert that no secret reaches a log). */
  logs: () => string;
  privateKey: string;
  /** The server process id (to read its memory use). */
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node node_modules/probot/bin/probot.js run ./dist/index.js` with GHE_HOST at `githubHost` (http). */
export async function startAppServer(githubHost: string, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const secret = `whsec-${randomUUID()}`;
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["node_modules/probot/bin/probot.js", "run", "./dist/index.js"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      NO_SMEE_SETUP: "true",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (
      (await fetch(`${url}/health`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      break;
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    secret,
    privateKey,
    pid: child.pid!,
    logs: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Delivers a webhook over HTTP, signed with `secret` (or with `signature` as given, or unsigned with null). */
export async function deliver(
  server: { url: string; secret: string },
  event: string,
  payload: unknown,
  opts: { signature?: string | null; delivery?: string } = {},
): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = opts.signature === undefined ? `sha256=${createHmac("sha256", server.secret).update(body).digest("hex")}` : opts.signature;
  const res = await fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": opts.delivery ?? randomUUID(),
      ...(signature !== null && { "x-hub-signature-256": signature }),
    },
    body,
  });
  await res.text();
  return res.status;
}

/** Polls until `done()` holds (or fails after `ms`), for effects of webhooks handled asynchronously. */
export async function waitFor(done: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error("timed out waiting for the server's effect");
    await new Promise((r) => setTimeout(r, 50));
  }
}
