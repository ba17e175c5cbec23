import type { GitHubClient, RepoRef } from "../github/client.js";
import type { ChangedFile, HistoryEntry, Source } from "../types.js";
import { COMPARE_FILES_CAP, mapFile, PR_FILE_CAP_NOTE, PR_FILES_CAP } from "./github-files.js";
import {
  type Aliased,
  BLOB_BYTES_PER_QUERY,
  type BlobFields,
  BLOBS_PER_QUERY,
  blobsQuery,
  exactBytes,
  HISTORY_PATHS_PER_QUERY,
  type HistoryConnection,
  historyQuery,
  INLINE_HISTORY_BYTES,
  partialAnswer,
  type Version,
} from "./github-graphql.js";
import { chunksOf, isTooLarge, ownedBodyFetch, status, toBuffer } from "./github-raw.js";
import { encodePath, safePath } from "./repo-path.js";
import { RequestCache } from "./request-cache.js";

export type { GitHubClient, RepoRef } from "../github/client.js";
export { PR_FILE_CAP_NOTE } from "./github-files.js";
export { ownedBodyFetch } from "./github-raw.js";

/** Options for a GitHubSource. */
export interface GitHubSourceOptions {
  /**
   * Files larger than this are still read on request but never kept in the cache, and history skips
   * versions larger than this (their content is null, as for a deletion). Default 50 MB.
   */
  maxFileBytes?: number;
  /** Batch reads over GraphQL (histories, their versions, the changed files at head); false: REST only. Default true. */
  graphql?: boolean;
}

/** Changed files up to this size are read ahead at head, together over GraphQL: detection reads every one. */
const READ_AHEAD_FILE_BYTES = 1024 * 1024;
/** Git's file mode for a symbolic link: the contents API follows it, so its blob is not the bytes served. */
const SYMLINK_MODE = "120000";

/**
 * A blob to read. With `at`, a REST fallback reads the path at that ref (raw, cheapest); without it,
 * the blob by sha, which never follows a symbolic link (history versions may be links; head files
 * are checked against the tree's mode first).
 */
interface BlobWant {
  sha: string;
  size: number;
  at?: { ref: string; path: string };
}

interface Deferred<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
interface TreeEntry {
  sha: string;
  size: number;
  mode?: string;
}

interface Tree {
  files: Map<string, TreeEntry>;
  truncated: boolean;
}

/** Contents API metadata of one path: a file's size and blob sha, or null for a directory. */
type Metadata = { size: number; sha: string } | null;

/**
 * A Source over the GitHub API for one pull request or one pair of commits. Nothing is fetched twice
 * in a review: every response is cached for the source's lifetime, file bytes are kept by blob sha
 * (a file unchanged between base, head and history is read once), and the base's and head's trees
 * answer "is it there?" without a request. Reads GitHub can batch go over GraphQL: the changed files
 * at head in one request, several paths' histories in one, their versions in one. Content is read
 * through the API only, never executed.
 */
export class GitHubSource implements Source {
  /** Messages for the review about what GitHub could not give in full (file caps, truncated trees). */
  readonly notes: string[] = [];
  private requests = 0;
  private readonly cache = new RequestCache();
  /** File bytes by blob sha (files over maxFileBytes are not kept). */
  private readonly blobs = new Map<string, Promise<Buffer | null>>();
  /** Trees fetched so far, by ref. */
  private readonly trees = new Map<string, Tree>();
  private readAheadStarted = false;
  /** History requests waiting for this turn of the event loop to end, by `since`. */
  private readonly historyBatches = new Map<string, Map<string, Deferred<HistoryEntry[]>>>();
  private readonly maxFileBytes: number;
  /** Off after the first GraphQL failure (an old GHES, a proxy): REST from then on. */
  private graphqlUsable: boolean;

  private constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    readonly base: string,
    readonly head: string,
    private readonly listChanged: (source: GitHubSource) => Promise<ChangedFile[]>,
    opts: GitHubSourceOptions = {},
  ) {
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.graphqlUsable = opts.graphql ?? true;
  }

  /** A pull request: files from `GET /repos/{o}/{r}/pulls/{n}/files` (all pages, 100 a page, 3,000 at most). */
  static forPullRequest(
    octokit: GitHubClient,
    repo: RepoRef,
    pr: { number: number; baseSha: string; headSha: string },
    opts?: GitHubSourceOptions,
  ): GitHubSource {
    return new GitHubSource(octokit, repo, pr.baseSha, pr.headSha, (s) => s.pullRequestFiles(pr.number), opts);
  }

  /**
   * Any two commits (a merge queue's base and head): files from `GET /repos/{o}/{r}/compare/{base}...{head}`.
   * That list stops at 300 files; past it the change is computed from the merge base's and head's trees.
   */
  static forCompare(octokit: GitHubClient, repo: RepoRef, refs: { baseSha: string; headSha: string }, opts?: GitHubSourceOptions): GitHubSource {
    return new GitHubSource(octokit, repo, refs.baseSha, refs.headSha, (s) => s.compareFiles(), opts);
  }

  /**
   * Starts what every review reads first (the head commit's date, the changed files, the head tree)
   * all at once instead of one after another; the review's own calls then share these requests.
   */
  warm(): void {
    this.cache.warm(["head-date", "changed", `tree:${this.head}`], () => [this.headDate(), this.changedFiles(), this.tree(this.head)]);
  }

  /** Number of HTTP requests this source made (each page counts). */
  get requestCount(): number {
    return this.requests;
  }

  changedFiles(): Promise<ChangedFile[]> {
    return this.once("changed", async () => {
      const listed = await this.listChanged(this);
      // The files list carries no modes; the head tree says which changed paths are symbolic links.
      const head = await this.tree(this.head);
      const files = listed.map((f) => (f.status !== "removed" && head.files.get(f.path)?.mode === SYMLINK_MODE ? { ...f, symlink: true } : f));
      return files;
    });
  }

  readFile(ref: string, path: string): Promise<Buffer | null> {
    const safe = safePath(path);
    if (safe === null) return Promise.resolve(null);
    const key = `raw:${ref}:${safe}`;
    // Big files stay out of memory for the rest of the review: callers check fileSize first and read them once.
    return this.cache.peek<Buffer | null>(key) ?? this.cache.keep(key, this.readKnown(ref, safe), (bytes) => !bytes || bytes.length <= this.maxFileBytes);
  }

  /**
   * Streams a file's bytes from the raw contents response body (the git blobs API, also raw, past
   * the contents API's size limit). A file already read whole is served from the cache.
   */
  async *readStream(ref: string, path: string): AsyncIterable<Buffer> {
    const safe = safePath(path);
    if (safe === null) return;
    const tree = this.trees.get(ref);
    const entry = tree?.files.get(safe);
    if (tree && !entry && !tree.truncated) return;
    const hit = this.cache.peek<Buffer | null>(`raw:${ref}:${safe}`) ?? (entry && entry.mode !== SYMLINK_MODE ? this.blobs.get(entry.sha) : undefined);
    if (hit) {
      const bytes = await hit;
      if (bytes) yield bytes;
      return;
    }
    const rawOptions = { ...this.repo, mediaType: { format: "raw" }, request: { parseSuccessResponseBody: false, fetch: ownedBodyFetch } };
    let body: unknown;
    try {
      body = (await this.call(() => this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(safe)}`, { ...rawOptions, ref }))).data;
    } catch (error) {
      if (status(error) === 404) return;
      if (!isTooLarge(error)) throw error;
      const sha = entry?.sha ?? (await this.blobSha(ref, safe));
      if (sha === null) return;
      body = (await this.call(() => this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...rawOptions, file_sha: sha }))).data;
    }
    yield* chunksOf(body);
  }

  async fileSize(ref: string, path: string): Promise<number | null> {
    const safe = safePath(path);
    if (safe === null) return null;
    const tree = await this.tree(ref);
    const entry = tree.files.get(safe);
    if (entry) return entry.size;
    if (!tree.truncated) return null;
    return (await this.metadata(ref, safe))?.size ?? null;
  }

  async listFiles(ref: string): Promise<string[]> {
    return [...(await this.tree(ref)).files.keys()];
  }

  /**
   * Commits that touched `path` with the file at each. Paths asked for together (in one turn of the
   * event loop) share the requests: one GraphQL query lists every path's commits with the blob at each
   * (100 versions a path a page; with the text too when the file is small at head), then one reads the
   * distinct blobs not yet read and under the size limit (100 a request); versions over the limit are
   * skipped (null). Without GraphQL: the commit list over REST (100 a page) and one REST read per version.
   */
  history(path: string, since: Date): Promise<HistoryEntry[]> {
    const safe = safePath(path);
    if (safe === null) return Promise.resolve([]);
    return this.once(`history:${safe}:${since.toISOString()}`, () => (this.graphqlUsable ? this.queueHistory(safe, since) : this.restHistory(safe, since)));
  }

  headDate(): Promise<Date> {
    return this.once("head-date", async () => {
      const { data } = await this.call(() => this.octokit.rest.repos.getCommit({ ...this.repo, ref: this.head }));
      const iso = data.commit.committer?.date ?? data.commit.author?.date;
      if (!iso) throw new Error(`commit ${this.head} has no committer date`);
      return new Date(iso);
    });
  }

  private queueHistory(path: string, since: Date): Promise<HistoryEntry[]> {
    const key = since.toISOString();
    let batch = this.historyBatches.get(key);
    if (!batch) {
      const paths = new Map<string, Deferred<HistoryEntry[]>>();
      batch = paths;
      this.historyBatches.set(key, paths);
      setImmediate(() => {
        this.historyBatches.delete(key);
        void this.runHistories(paths, since);
      });
    }
    const waiting = batch;
    return new Promise((resolve, reject) => waiting.set(path, { resolve, reject }));
  }

  private async runHistories(batch: Map<string, Deferred<HistoryEntry[]>>, since: Date): Promise<void> {
    let versions: Map<string, Version[]>;
    try {
      versions = await this.versionsByGraphql([...batch.keys()], since);
    } catch {
      this.graphqlUsable = false;
      for (const [path, waiting] of batch) this.restHistory(path, since).then(waiting.resolve, waiting.reject);
      return;
    }
    const wanted: BlobWant[] = [];
    for (const list of versions.values()) {
      for (const v of list) if (v.blob && v.blob.size <= this.maxFileBytes) wanted.push({ sha: v.blob.oid, size: v.blob.size });
    }
    this.readBlobs(wanted);
    for (const [path, waiting] of batch) {
      const list = (versions.get(path) ?? []).filter((v) => v.date >= since);
      Promise.all(list.map(async (v) => ({ sha: v.sha, date: v.date, content: await this.versionContent(v, path) }))).then(waiting.resolve, waiting.reject);
    }
  }

  private async versionContent(v: Version, path: string): Promise<Buffer | null> {
    if (v.blob === null) return null;
    if (v.blob === undefined) {
      const bytes = await this.readFile(v.sha, path);
      return bytes && bytes.length > this.maxFileBytes ? null : bytes;
    }
    if (v.blob.size > this.maxFileBytes) return null;
    const oid = v.blob.oid;
    return this.blob(oid, () => this.blobBytes(oid));
  }

  /** Every path's commits from head (all pages), with the blob at each, over GraphQL. */
  private async versionsByGraphql(paths: string[], since: Date): Promise<Map<string, Version[]>> {
    const out = new Map<string, Version[]>(paths.map((p) => [p, []]));
    let pending: Array<{ path: string; after?: string }> = paths.map((path) => ({ path }));
    while (pending.length > 0) {
      const next: typeof pending = [];
      for (let start = 0; start < pending.length; start += HISTORY_PATHS_PER_QUERY) {
        const chunk = pending.slice(start, start + HISTORY_PATHS_PER_QUERY);
        const headTree = this.trees.get(this.head);
        const query = historyQuery(
          chunk.map(({ path, after }) => ({ path, after, inline: (headTree?.files.get(path)?.size ?? Infinity) <= INLINE_HISTORY_BYTES })),
        );
        const { data, failed } = await this.graphqlPartial<Aliased<{ history?: HistoryConnection }>>(query, { head: this.head, since: since.toISOString() });
        if (!data.repository) throw new Error("GraphQL returned no repository");
        chunk.forEach(({ path }, i) => {
          const history = data.repository![`h${i}`]?.history;
          if (!history) throw new Error(`GraphQL returned no history for ${path}`);
          history.nodes.forEach((node, n) => {
            const object = node.file?.object;
            const blob = node.file && object && typeof object.byteSize === "number" ? { oid: node.file.oid, size: object.byteSize } : null;
            const bytes = blob && blob.size <= this.maxFileBytes && !this.blobs.has(blob.oid) ? exactBytes(object!) : undefined;
            if (blob && bytes) this.keepBlob(blob.oid, Promise.resolve(bytes));
            out.get(path)!.push({ sha: node.oid, date: new Date(node.committedDate), blob: failed.has(`h${i}.${n}`) ? undefined : blob });
          });
          if (history.pageInfo.hasNextPage && history.pageInfo.endCursor) next.push({ path, after: history.pageInfo.endCursor });
        });
      }
      pending = next;
    }
    return out;
  }

  /**
   * A GraphQL query whose only errors may be files GitHub will not resolve (`Commit.file` refuses files
   * over 10 MB): their nodes, as `h<alias>.<node>`, are returned in `failed` for REST to read.
   */
  private async graphqlPartial<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T; failed: Set<string> }> {
    try {
      const data = await this.call(() => this.octokit.graphql<T>(query, { owner: this.repo.owner, name: this.repo.repo, ...variables }));
      return { data, failed: new Set() };
    } catch (error) {
      const partial = partialAnswer<T>(error);
      if (!partial) throw error;
      return partial;
    }
  }

  /**
   * Reads blobs over GraphQL (100 or 8 MB a request, one request after another), registering each in
   * the blob cache at once so every reader waits for the same request. A blob GraphQL cannot give
   * exactly (binary, truncated, not UTF-8) and every blob after a GraphQL failure is read over REST.
   */
  private readBlobs(items: readonly BlobWant[]): void {
    const todo: BlobWant[] = [];
    for (const item of items) if (!this.blobs.has(item.sha) && !todo.some((t) => t.sha === item.sha)) todo.push(item);
    let previous: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < todo.length; ) {
      let end = start + 1;
      let bytes = todo[start]!.size;
      while (end < todo.length && end - start < BLOBS_PER_QUERY && bytes + todo[end]!.size <= BLOB_BYTES_PER_QUERY) bytes += todo[end++]!.size;
      const chunk = todo.slice(start, end);
      const texts = previous.then(() => this.blobTexts(chunk.map((c) => c.sha)));
      previous = texts;
      for (const item of chunk)
        this.keepBlob(
          item.sha,
          texts.then((found) => found.get(item.sha) ?? (item.at ? this.fetchRaw(item.at.ref, item.at.path, item.sha) : this.blobBytes(item.sha))),
        );
      start = end;
    }
  }

  /** The blobs GraphQL gives exactly, by sha; none once GraphQL has failed. Never rejects. */
  private async blobTexts(shas: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (!this.graphqlUsable) return out;
    try {
      const data = await this.call(() => this.octokit.graphql<Aliased<BlobFields>>(blobsQuery(shas), { owner: this.repo.owner, name: this.repo.repo }));
      shas.forEach((sha, i) => {
        const blob = data.repository?.[`b${i}`];
        const bytes = blob ? exactBytes(blob) : undefined;
        if (bytes) out.set(sha, bytes);
      });
    } catch {
      this.graphqlUsable = false;
    }
    return out;
  }

  /**
   * Reads the named files at head together over GraphQL (those small enough, not links): detection
   * reads each of them next, one REST request apiece otherwise. Only the first call reads ahead.
   */
  prefetch(paths: readonly string[]): void {
    if (this.readAheadStarted || !this.graphqlUsable || paths.length === 0) return;
    this.readAheadStarted = true;
    const limit = Math.min(READ_AHEAD_FILE_BYTES, this.maxFileBytes);
    // Registered on the head tree before any read that awaits it, so those reads find the blobs pending.
    this.tree(this.head).then(
      (tree) => {
        const wanted: BlobWant[] = [];
        for (const path of paths) {
          const entry = tree.files.get(path);
          if (entry && entry.mode !== SYMLINK_MODE && entry.size <= limit) wanted.push({ sha: entry.sha, size: entry.size, at: { ref: this.head, path } });
        }
        this.readBlobs(wanted);
      },
      () => undefined,
    );
  }

  /** A file at a ref: none when the base's or head's tree lacks it; its blob's bytes when the tree names it. */
  private async readKnown(ref: string, path: string): Promise<Buffer | null> {
    const tree = ref === this.base || ref === this.head ? await this.tree(ref) : this.trees.get(ref);
    const entry = tree?.files.get(path);
    if (tree && !entry && !tree.truncated) return null;
    if (!entry) return this.fetchRaw(ref, path);
    // The contents API follows a link to its target; a link's own bytes (its target path, as git stores it) are its blob.
    if (entry.mode === SYMLINK_MODE) return this.blob(entry.sha, () => this.blobBytes(entry.sha));
    return this.blob(entry.sha, () => this.fetchRaw(ref, path, entry.sha));
  }

  private blob(sha: string, read: () => Promise<Buffer | null>): Promise<Buffer | null> {
    return this.blobs.get(sha) ?? this.keepBlob(sha, read());
  }

  private keepBlob(sha: string, read: Promise<Buffer | null>): Promise<Buffer | null> {
    this.blobs.set(sha, read);
    const drop = () => {
      if (this.blobs.get(sha) === read) this.blobs.delete(sha);
    };
    read.then((bytes) => {
      if (!bytes || bytes.length > this.maxFileBytes) drop();
    }, drop);
    return read;
  }

  /** The REST history: commits (100 a page), then each version read on its own. */
  private async restHistory(path: string, since: Date): Promise<HistoryEntry[]> {
    const commits = (await this.historyCommits(path, since)).filter((c) => c.date >= since);
    const entries: HistoryEntry[] = [];
    for (const { sha, date } of commits) entries.push({ sha, date, content: await this.readFile(sha, path) });
    return entries;
  }

  private historyCommits(safe: string, since: Date): Promise<Array<{ sha: string; date: Date }>> {
    return this.once(`commits:${safe}:${since.toISOString()}`, async () => {
      const found: { sha: string; date: Date }[] = [];
      const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listCommits, {
        ...this.repo,
        sha: this.head,
        path: safe,
        since: since.toISOString(),
        per_page: 100,
      });
      for await (const page of this.counted(pages)) {
        for (const c of page.data) {
          const iso = c.commit.committer?.date ?? c.commit.author?.date;
          if (!iso) continue;
          found.push({ sha: c.sha, date: new Date(iso) });
        }
      }
      return found;
    });
  }

  private async pullRequestFiles(pullNumber: number): Promise<ChangedFile[]> {
    const files: ChangedFile[] = [];
    let listed = 0;
    const pages = this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, { ...this.repo, pull_number: pullNumber, per_page: 100 });
    for await (const page of this.counted(pages)) {
      for (const f of page.data) {
        listed++;
        const mapped = mapFile(f);
        if (mapped) files.push(mapped);
      }
    }
    if (listed >= PR_FILES_CAP) this.note(PR_FILE_CAP_NOTE);
    return files;
  }

  private async compareFiles(): Promise<ChangedFile[]> {
    const { data } = await this.call(() =>
      this.octokit.rest.repos.compareCommitsWithBasehead({ ...this.repo, basehead: `${this.base}...${this.head}`, per_page: 100 }),
    );
    const raw = data.files ?? [];
    const listed = raw.map(mapFile).filter((f): f is ChangedFile => f !== null);
    if (raw.length < COMPARE_FILES_CAP) return listed;
    // Paging the compare endpoint pages its commits, not its files: the trees are the only complete list.
    const from = data.merge_base_commit?.sha ?? this.base;
    const [before, after] = await Promise.all([this.tree(from), this.tree(this.head)]);
    if (before.truncated || after.truncated) {
      this.note(`GitHub lists at most ${COMPARE_FILES_CAP} changed files between two commits; files beyond that were not reviewed`);
      return listed;
    }
    this.note(
      `GitHub lists at most ${COMPARE_FILES_CAP} changed files between two commits; the changes were computed from the two trees instead, so renames show as a removal and an addition`,
    );
    const files: ChangedFile[] = [];
    for (const [path, entry] of after.files) {
      const old = before.files.get(path);
      if (!old) files.push({ path, status: "added" });
      else if (old.sha !== entry.sha) files.push({ path, status: "modified" });
    }
    for (const path of before.files.keys()) if (!after.files.has(path)) files.push({ path, status: "removed" });
    return files;
  }

  /** A file's raw bytes from the contents API; past its size limit, from the git blobs API (`sha` when known). */
  private async fetchRaw(ref: string, path: string, knownSha?: string): Promise<Buffer | null> {
    try {
      const res = await this.call(() =>
        this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
          ...this.repo,
          ref,
          mediaType: { format: "raw" },
          // GitHub serves raw files as text/plain; Octokit would decode that as UTF-8 and mangle binary bytes.
          request: { parseSuccessResponseBody: false, fetch: ownedBodyFetch },
        }),
      );
      return await toBuffer(res.data);
    } catch (error) {
      if (status(error) === 404) return null;
      if (!isTooLarge(error)) throw error;
    }
    const sha = knownSha ?? (await this.blobSha(ref, path));
    return sha === null ? null : this.blobBytes(sha);
  }

  /** A blob's bytes from the git blobs API. */
  private async blobBytes(sha: string): Promise<Buffer> {
    const { data } = await this.call(() => this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha }));
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  }

  private async blobSha(ref: string, path: string): Promise<string | null> {
    const tree = await this.tree(ref);
    const entry = tree.files.get(path);
    if (entry) return entry.sha;
    return tree.truncated ? ((await this.metadata(ref, path))?.sha ?? null) : null;
  }

  /** One recursive tree per ref: blob paths with their sizes and shas. */
  private tree(ref: string): Promise<Tree> {
    return this.once(`tree:${ref}`, async () => {
      const { data } = await this.call(() => this.octokit.rest.git.getTree({ ...this.repo, tree_sha: ref, recursive: "1" }));
      const files = new Map<string, TreeEntry>();
      for (const e of data.tree) {
        if (e.type === "blob" && e.path && e.sha) files.set(e.path, { sha: e.sha, size: e.size ?? 0, mode: e.mode });
      }
      if (data.truncated) {
        this.note(`GitHub truncated the file tree of ${ref.slice(0, 7)}; the file list at that commit is incomplete`);
      }
      const tree = { files, truncated: data.truncated };
      this.trees.set(ref, tree);
      return tree;
    });
  }

  /** Contents API metadata of a path, for when the tree is truncated. */
  private metadata(ref: string, path: string): Promise<Metadata> {
    return this.once(`meta:${ref}:${path}`, async () => {
      try {
        const { data } = await this.call(() =>
          this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, { ...this.repo, ref, mediaType: { format: "object" } }),
        );
        const meta = data as { type?: unknown; size?: unknown; sha?: unknown };
        return meta.type === "file" && typeof meta.size === "number" && typeof meta.sha === "string" ? { size: meta.size, sha: meta.sha } : null;
      } catch (error) {
        if (status(error) === 404) return null;
        throw error;
      }
    });
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.once(key, load);
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    this.requests++;
    return request();
  }

  private async *counted<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
      this.requests++;
      const next = await iterator.next();
      if (next.done) {
        // The iterator ends without a request once the last page had no `next` link.
        this.requests--;
        return;
      }
      yield next.value;
    }
  }

  private note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
}
