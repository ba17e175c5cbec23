import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.UTC(2026, 0, 1);

/**
 * The environment for every git and CLI process of a test: no GIT_* variable from the caller (a
 * hook's GIT_DIR would redirect the commands), no system or global config, so tests behave the
 * same on every machine.
 */
const testEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_"))),
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
  NO_COLOR: "1",
});

/** A throwaway git repository with dated commits, for tests that review real history. */
export interface TempRepo {
  /** Absolute path of the work tree. */
  dir: string;
  /**
   * Writes (string/Buffer) or deletes (null) files, creating folders as needed, commits everything
   * and returns the new sha. `date` sets the author and committer date; without it the n-th undated
   * commit is dated 2026-01-01 plus n days (UTC).
   */
  commit(files: Record<string, string | Buffer | null>, opts?: { date?: string | Date; message?: string }): Promise<string>;
  /** Creates a branch at HEAD and checks it out. */
  branch(name: string): Promise<void>;
  /** Checks out an existing branch, tag or sha. */
  checkout(name: string): Promise<void>;
  /** Runs git in the repository and returns its stdout; rejects on a non-zero exit. */
  git(...args: string[]): Promise<string>;
  /** Deletes the repository. */
  cleanup(): Promise<void>;
}

/** Creates an empty repository on branch `main` with a local identity, no signing and no hooks. */
export async function createTempRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), "ftr-repo-"));
  const env = testEnv();
  let undated = 0;
  const git = async (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    (await run("git", args, { cwd: dir, env: { ...env, ...extra }, maxBuffer: 1 << 30 })).stdout;
  await git(["-c", "init.defaultBranch=main", "init", "-q", "-b", "main"]);
  await git(["config", "user.email", "test@example.com"]);
  await git(["config", "user.name", "Test"]);
  await git(["config", "commit.gpgsign", "false"]);
  await git(["config", "tag.gpgsign", "false"]);
  await git(["config", "core.autocrlf", "false"]);
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
      const when = opts.date === undefined ? new Date(FIRST_DAY + undated++ * DAY_MS) : new Date(opts.date);
      if (Number.isNaN(when.getTime())) throw new Error(`commit: invalid date ${String(opts.date)}`);
      // Git's own `@<seconds> <zone>` form: no locale or format guessing.
      const date = `@${Math.floor(when.getTime() / 1000)} +0000`;
      await git(["add", "-A"]);
      await git(["commit", "-q", "--no-verify", "--allow-empty", "-m", opts.message ?? "commit"], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
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

/**
 * Runs the CLI as a separate process (`node bin/finetune-review.js ...`), with `input` on stdin
 * (stdin is closed either way); resolves with the exit code and never rejects on a non-zero exit.
 */
export async function runCli(args: string[], opts: { cwd?: string; input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const pending = run(process.execPath, [join(repoRoot, "bin/finetune-review.js"), ...args], {
    cwd: opts.cwd ?? repoRoot,
    maxBuffer: 1 << 30,
    env: testEnv(),
  });
  pending.child.stdin?.end(opts.input ?? "");
  try {
    const { stdout, stderr } = await pending;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; signal?: string; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
