import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { posix, resolve } from "node:path";
import { promisify } from "node:util";
import type { ChangedFile, ChangeStatus, HistoryEntry, Source } from "../types.js";
import { UsageError } from "./usage-error.js";

const run = promisify(execFile);
const MAX_BUFFER = 1024 * 1024 * 1024;
/** Never read the user's or system's git config hooks or pagers; quote nothing in paths. */
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C" };

/** Repository-relative path with no `..` escape, or null. */
function safePath(path: string): string | null {
  const normal = posix.normalize(path.replace(/\\/g, "/")).replace(/^\.\//, "");
  if (normal.startsWith("../") || normal === ".." || normal.startsWith("/") || normal === ".") return null;
  return normal;
}

/** A Source over a local git repository, through the `git` binary with argument arrays (never a shell). */
export class LocalGitSource implements Source {
  private readonly cache = new Map<string, Promise<Buffer | null>>();
  private readonly lists = new Map<string, Promise<string[]>>();

  private constructor(
    private readonly dir: string,
    readonly base: string,
    readonly head: string,
    private readonly mergeBase: string,
  ) {}

  /** Opens `repoDir` and resolves both refs; throws UsageError with one clear line when either is wrong. */
  static async open(repoDir: string, baseRef: string, headRef = "HEAD"): Promise<LocalGitSource> {
    const dir = resolve(repoDir);
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) throw new UsageError(`not a git repository: ${repoDir} (no such directory)`);
    const inside = await git(dir, ["rev-parse", "--is-inside-work-tree"]).catch(() => git(dir, ["rev-parse", "--is-bare-repository"]).catch(() => null));
    if (inside === null) throw new UsageError(`not a git repository: ${repoDir}`);
    const resolveRef = async (ref: string) => {
      if (ref.startsWith("-")) throw new UsageError(`unknown ref '${ref}' in ${repoDir}: check the branch, tag or sha`);
      const sha = await git(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).catch(() => "");
      if (!sha.trim()) throw new UsageError(`unknown ref '${ref}' in ${repoDir}: check the branch, tag or sha`);
      return sha.trim();
    };
    const base = await resolveRef(baseRef);
    const head = await resolveRef(headRef);
    const mergeBase = (await git(dir, ["merge-base", base, head]).catch(() => "")).trim() || base;
    return new LocalGitSource(dir, base, head, mergeBase);
  }

  async changedFiles(): Promise<ChangedFile[]> {
    const out = await git(this.dir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", this.mergeBase, this.head]);
    const parts = out.split("\0");
    const files: ChangedFile[] = [];
    for (let i = 0; i < parts.length - 1; ) {
      const code = parts[i++]!;
      const letter = code[0];
      if (letter === "R" || letter === "C") {
        const from = parts[i++]!;
        const to = parts[i++]!;
        files.push(letter === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "added" });
        continue;
      }
      const path = parts[i++]!;
      const status: ChangeStatus = letter === "A" ? "added" : letter === "D" ? "removed" : "modified";
      files.push({ path, status });
    }
    return files;
  }

  readFile(ref: string, path: string): Promise<Buffer | null> {
    const safe = safePath(path);
    if (safe === null) return Promise.resolve(null);
    const key = `${ref}:${safe}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = gitBuffer(this.dir, ["cat-file", "blob", key]).catch(() => null);
      this.cache.set(key, hit);
    }
    return hit;
  }

  async fileSize(ref: string, path: string): Promise<number | null> {
    const safe = safePath(path);
    if (safe === null) return null;
    const out = await git(this.dir, ["cat-file", "-s", `${ref}:${safe}`]).catch(() => null);
    return out === null ? null : Number(out.trim());
  }

  listFiles(ref: string): Promise<string[]> {
    let hit = this.lists.get(ref);
    if (!hit) {
      hit = git(this.dir, ["ls-tree", "-r", "-z", "--name-only", ref]).then((out) => out.split("\0").filter(Boolean));
      this.lists.set(ref, hit);
    }
    return hit;
  }

  async history(path: string, since: Date): Promise<HistoryEntry[]> {
    const safe = safePath(path);
    if (safe === null) return [];
    const out = await git(this.dir, ["log", "--format=%H%x09%cI", "--no-renames", this.head, "--", safe]);
    const entries: HistoryEntry[] = [];
    for (const row of out.split("\n").filter(Boolean)) {
      const [sha, iso] = row.split("\t") as [string, string];
      const date = new Date(iso);
      // Not `break`: commit dates need not be monotonic along the log (rebases, clock skew).
      if (date < since) continue;
      entries.push({ sha, date, content: await this.readFile(sha, safe) });
    }
    return entries;
  }

  async headDate(): Promise<Date> {
    return new Date((await git(this.dir, ["show", "-s", "--format=%cI", this.head])).trim());
  }
}

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", ["-c", "core.quotepath=false", "-C", dir, ...args], { env: GIT_ENV, maxBuffer: MAX_BUFFER, encoding: "utf8" });
  return stdout;
}

async function gitBuffer(dir: string, args: string[]): Promise<Buffer> {
  const { stdout } = await run("git", ["-c", "core.quotepath=false", "-C", dir, ...args], { env: GIT_ENV, maxBuffer: MAX_BUFFER, encoding: "buffer" });
  return stdout;
}
