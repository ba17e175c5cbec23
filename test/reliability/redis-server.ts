/** A real Redis (the Debian package `redis-server`) on loopback for the queue's suites, started and stopped by them. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

function binary(): string {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("redis-server is missing: these tests start a real Redis on 127.0.0.1. Install it with `apt-get install -y redis-server` (.ci/run does).");
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `redis-server` on 127.0.0.1 with no persistence; resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  const bin = binary();
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 100 && !/Ready to accept connections/.test(output); i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!/Ready to accept connections/.test(output)) throw new Error(`redis-server did not start: ${output}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
