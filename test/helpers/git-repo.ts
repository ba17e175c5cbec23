import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A throwaway git repository with dated commits, for tests that review real history. */
export interface TempRepo {
  dir: string;
  /** Writes (string/Buffer) or deletes (null) files, commits them all, and returns the new sha. */
  commit(files: Record<string, string | Buffer | null>, opts?: { date?: string | Date; message?: string }): Promise<string>;
  /** Creates a branch at HEAD and checks it out. */
  branch(name: string): Promise<void>;
  checkout(name: string): Promise<void>;
  git(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

/** Creates an empty repository on branch `main`; commits default to one day apart from 2026-01-01. */
export async function createTempRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), "ftr-repo-"));
  let day = 0;
  const git = async (args: string[], env: Record<string, string> = {}) =>
    (await run("git", args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", ...env }, maxBuffer: 1 << 30 })).stdout;
  await git(["init", "-q", "-b", "main"]);
  await git(["config", "user.email", "test@example.com"]);
  await git(["config", "user.name", "Test"]);
  await git(["config", "commit.gpgsign", "false"]);
  return {
    dir,
    async commit(files, opts = {}) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) await rm(full, { force: true });
        else {
          await mkdir(dirname(full), { recursive: true });
          await writeFile(full, content);
        }
      }
      const date = opts.date ? new Date(opts.date).toISOString() : new Date(Date.UTC(2026, 0, 1 + day++)).toISOString();
      await git(["add", "-A"]);
      await git(["commit", "-q", "--allow-empty", "-m", opts.message ?? "commit"], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
      return (await git(["rev-parse", "HEAD"])).trim();
    },
    async branch(name) {
      await git(["checkout", "-q", "-b", name]);
    },
    async checkout(name) {
      await git(["checkout", "-q", name]);
    },
    git: (...args) => git(args),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs the CLI as a separate process (`node bin/finetune-review.js ...`); never throws on a non-zero exit. */
export async function runCli(args: string[], opts: { cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, "bin/finetune-review.js"), ...args], {
      cwd: opts.cwd ?? repoRoot,
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
