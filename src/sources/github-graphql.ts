/**
 * GitHub's GraphQL reads, typed: the queries a GitHubSource batches (several paths' histories in one,
 * up to 100 blobs in one) and the shapes of their answers. Pure: the source sends them.
 */

/** Paths whose histories one GraphQL request asks for (one alias each), a page of versions each. */
export const HISTORY_PATHS_PER_QUERY = 25;
/** Versions per page of a path's history (GitHub's maximum for a connection). */
export const VERSIONS_PER_PAGE = 100;
/** Blobs one GraphQL request reads (aliases of `object(oid:)`), and at most this many bytes of them. */
export const BLOBS_PER_QUERY = 100;
export const BLOB_BYTES_PER_QUERY = 8 * 1024 * 1024;

/** A history whose file is at most this large at head comes with each version's text: no second request. */
export const INLINE_HISTORY_BYTES = 16 * 1024;

/** A blob's fields as GraphQL gives them; `text` is only trusted when it is the whole blob. */
export interface BlobFields {
  byteSize?: number;
  text?: string | null;
  isBinary?: boolean | null;
  isTruncated?: boolean;
}

export interface HistoryNode {
  oid: string;
  committedDate: string;
  file: { oid: string; object: BlobFields | null } | null;
}

export interface HistoryConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: HistoryNode[];
}

export type Aliased<T> = { repository: Record<string, T | null> | null };

/** One version of a file in its history: the blob (null: deleted or not a file; undefined: GraphQL could not say). */
export interface Version {
  sha: string;
  date: Date;
  blob: { oid: string; size: number } | null | undefined;
}

/** A blob's bytes from GraphQL's text, when that text is the whole blob (not binary, truncated or invalid UTF-8). */
export function exactBytes(blob: BlobFields): Buffer | undefined {
  if (typeof blob.text !== "string" || blob.isBinary || blob.isTruncated || blob.text.includes("\uFFFD")) return undefined;
  const bytes = Buffer.from(blob.text, "utf8");
  return bytes.length === blob.byteSize ? bytes : undefined;
}

/** One path of a history query: its path, the page cursor, and whether its versions' text comes inline. */
export interface HistoryWant {
  path: string;
  after?: string;
  inline: boolean;
}

/** A query for several paths' histories from `head` (alias `h<i>` per path, one page of versions each). */
export function historyQuery(wants: readonly HistoryWant[]): string {
  const fields = wants.map(({ path, after, inline }, i) => {
    const args = [`path: ${JSON.stringify(path)}`, "since: $since", `first: ${VERSIONS_PER_PAGE}`, ...(after ? [`after: ${JSON.stringify(after)}`] : [])].join(
      ", ",
    );
    const blob = inline ? "byteSize isBinary isTruncated text" : "byteSize";
    return `h${i}: object(oid: $head) { ... on Commit { history(${args}) { pageInfo { hasNextPage endCursor } nodes { oid committedDate file(path: ${JSON.stringify(path)}) { oid object { ... on Blob { ${blob} } } } } } } }`;
  });
  return `query FileHistories($owner: String!, $name: String!, $head: GitObjectID!, $since: GitTimestamp!) { repository(owner: $owner, name: $name) {\n${fields.join("\n")}\n} }`;
}

/** A query for blobs by sha (alias `b<i>` each). */
export function blobsQuery(shas: readonly string[]): string {
  const fields = shas.map((sha, i) => `b${i}: object(oid: ${JSON.stringify(sha)}) { ... on Blob { byteSize isBinary isTruncated text } }`).join("\n");
  return `query FileVersions($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {\n${fields}\n} }`;
}

/**
 * The partial answer of a failed history query whose only errors are files GitHub will not resolve
 * (`Commit.file` refuses files over 10 MB), with those nodes as `h<alias>.<node>` for REST to read;
 * undefined when the failure is anything else.
 */
export function partialAnswer<T>(error: unknown): { data: T; failed: Set<string> } | undefined {
  const e = error as { data?: T | null; errors?: Array<{ path?: Array<string | number> }> };
  const paths = (e.errors ?? []).map((x) => x.path ?? []);
  if (!e.data || paths.length === 0 || !paths.every((p) => p.at(-1) === "file" && typeof p.at(-2) === "number")) return undefined;
  return { data: e.data, failed: new Set(paths.map((p) => `${String(p[1])}.${String(p.at(-2))}`)) };
}
