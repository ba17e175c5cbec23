/**
 * nock interceptors that answer GitHub's REST routes from an in-memory repository (files at a base
 * and a head sha, a PR, its comments), record every write, and keep the comment list as GitHub would.
 * A test registers only the routes it expects; `scope.done()` then proves each was called.
 */
import { createHash } from "node:crypto";
import nock from "nock";
import { executeQuery, type GqlObject } from "./fake-graphql.js";

export const API = "https://api.github.com";

type Files = Record<string, string | Buffer>;

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface RepoSpec {
  owner: string;
  repo: string;
  installationId: number;
  baseSha: string;
  headSha: string;
  base: Files;
  head: Files;
  headDate?: string;
  pr: { number: number; body: string | null; currentHeadSha?: string };
  comments?: Comment[];
  permission?: { permission: string; role_name: string };
  appSlug?: string;
  /** The PR's reviews, oldest first (`commit_id` defaults to the head sha). */
  reviews?: { user: string; state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED"; commit_id?: string }[];
  /** Team members by `org/team-slug`. */
  teams?: Record<string, string[]>;
}

export type Route =
  | "token"
  | "app"
  | "files"
  | "compare"
  | "tree"
  | "contents"
  | "commit"
  | "history"
  | "check-create"
  | "check-update"
  | "pull"
  | "comments"
  | "comment-create"
  | "comment-update"
  | "comment-delete"
  | "reaction"
  | "permission"
  | "pulls-for-commit"
  | "reviews"
  | "team-membership"
  | "graphql";

export interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

/** Every `METHOD /path` any nockGitHub state saw in this test file (for the app.yml permission test). */
export const seenRequests: { method: string; path: string }[] = [];

export interface FakeState {
  requests: Recorded[];
  writes: Recorded[];
  comments: Comment[];
  scope: nock.Scope;
}

const buf = (v: string | Buffer) => (typeof v === "string" ? Buffer.from(v) : v);

/** Git's object id of a file's bytes, as trees and GraphQL name blobs. */
export function gitBlobSha(v: string | Buffer): string {
  const bytes = buf(v);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

const gqlObject = (typename: string, fields: Record<string, (args: Record<string, unknown>) => unknown>): GqlObject => ({
  __typename: typename,
  resolve: (field, args) => fields[field]?.(args),
});

/**
 * The GraphQL objects the GitHub source asks for: blobs of the base's and head's files (by oid or
 * `sha:path`), and the head commit, whose history is empty here as the REST `history` route's is.
 */
function graphqlRoot(spec: RepoSpec): GqlObject {
  const blob = (v: string | Buffer) => {
    const bytes = buf(v);
    const binary = bytes.subarray(0, 8000).includes(0);
    return gqlObject("Blob", {
      oid: () => gitBlobSha(bytes),
      byteSize: () => bytes.length,
      isBinary: () => binary,
      isTruncated: () => false,
      text: () => (binary ? null : bytes.toString("utf8")),
    });
  };
  const commit = (sha: string) =>
    gqlObject("Commit", {
      oid: () => sha,
      committedDate: () => spec.headDate ?? "2026-03-01T10:00:00Z",
      history: () =>
        gqlObject("CommitHistoryConnection", { nodes: () => [], pageInfo: () => gqlObject("PageInfo", { hasNextPage: () => false, endCursor: () => null }) }),
    });
  const object = ({ oid, expression }: Record<string, unknown>) => {
    const [ref, path] = typeof expression === "string" ? [expression.split(":")[0], expression.slice(expression.indexOf(":") + 1)] : [oid, undefined];
    const files = ref === spec.baseSha ? spec.base : ref === spec.headSha ? spec.head : undefined;
    if (files && path !== undefined) return files[path] === undefined ? null : blob(files[path]!);
    if (files) return commit(String(ref));
    const found = [...Object.values(spec.base), ...Object.values(spec.head)].find((v) => gitBlobSha(v) === oid);
    return found === undefined ? null : blob(found);
  };
  return gqlObject("Query", {
    repository: ({ owner, name }) => (owner === spec.owner && name === spec.repo ? gqlObject("Repository", { object }) : null),
  });
}

function prFiles(spec: RepoSpec) {
  const names = [...new Set([...Object.keys(spec.base), ...Object.keys(spec.head)])].sort();
  return names.flatMap((filename) => {
    const a = spec.base[filename];
    const b = spec.head[filename];
    if (a !== undefined && b !== undefined && buf(a).equals(buf(b))) return [];
    const status = a === undefined ? "added" : b === undefined ? "removed" : "modified";
    return [{ sha: "0".repeat(40), filename, status, additions: 0, deletions: 0, changes: 0 }];
  });
}

/** Registers the named routes for `spec` and returns the live state. */
export function nockGitHub(spec: RepoSpec, routes: readonly Route[]): FakeState {
  const repoPath = `/repos/${spec.owner}/${spec.repo}`;
  const state: FakeState = { requests: [], writes: [], comments: [...(spec.comments ?? [])], scope: nock(API) };
  const scope = state.scope.persist();
  const bot = { login: `${spec.appSlug ?? "finetune-review"}[bot]`, type: "Bot" };
  let nextId = 9000;
  const record = (method: string, path: string, body: unknown) => {
    const r = { method, path, body: body as Record<string, unknown> | undefined };
    state.requests.push(r);
    seenRequests.push({ method, path: new URL(path, API).pathname });
    // GraphQL queries are reads.
    if (method !== "GET" && path !== "/graphql") state.writes.push(r);
  };
  const filesAt = (ref: string) => (ref === spec.baseSha ? spec.base : ref === spec.headSha ? spec.head : undefined);
  const has = (r: Route) => routes.includes(r);

  if (has("token"))
    scope.post(`/app/installations/${spec.installationId}/access_tokens`).reply(201, (uri) => {
      seenRequests.push({ method: "POST", path: uri });
      return { token: "ghs_installation_token_for_tests", expires_at: "2099-01-01T00:00:00Z" };
    });
  if (has("app"))
    scope
      .get("/app")
      .reply(200, (uri) => (seenRequests.push({ method: "GET", path: uri }), { id: 1, slug: spec.appSlug ?? "finetune-review", name: "finetune-review" }));
  if (has("files"))
    scope
      .get(`${repoPath}/pulls/${spec.pr.number}/files`)
      .query(true)
      .reply(200, (uri) => (record("GET", uri, undefined), prFiles(spec)));
  if (has("compare"))
    scope
      .get(new RegExp(`^${repoPath}/compare/`))
      .query(true)
      .reply(200, (uri) => (record("GET", uri, undefined), { merge_base_commit: { sha: spec.baseSha }, files: prFiles(spec) }));
  if (has("tree"))
    scope
      .get(new RegExp(`^${repoPath}/git/trees/`))
      .query(true)
      .reply((uri) => {
        record("GET", uri, undefined);
        const sha = uri.split("/git/trees/")[1]!.split("?")[0]!;
        const files = filesAt(sha);
        if (!files) return [404, { message: "Not Found" }];
        return [
          200,
          {
            sha,
            truncated: false,
            tree: Object.entries(files).map(([path, v]) => ({ path, mode: "100644", type: "blob", sha: gitBlobSha(v), size: buf(v).length })),
          },
        ];
      });
  if (has("contents"))
    scope
      .get(new RegExp(`^${repoPath}/contents/`))
      .query(true)
      .reply((uri) => {
        record("GET", uri, undefined);
        const url = new URL(uri, API);
        const path = decodeURIComponent(url.pathname.split("/contents/")[1]!);
        const content = filesAt(url.searchParams.get("ref") ?? "")?.[path];
        return content === undefined ? [404, { message: "Not Found" }] : [200, buf(content)];
      });
  if (has("commit"))
    scope
      .get(new RegExp(`^${repoPath}/commits/[0-9a-f]{40}$`))
      .reply(
        200,
        (uri) => (record("GET", uri, undefined), { sha: uri.split("/").pop(), commit: { committer: { date: spec.headDate ?? "2026-03-01T10:00:00Z" } } }),
      );
  if (has("history"))
    scope
      .get(`${repoPath}/commits`)
      .query(true)
      .reply(200, (uri) => (record("GET", uri, undefined), []));
  if (has("check-create")) scope.post(`${repoPath}/check-runs`).reply(201, (uri, body) => (record("POST", uri, body), { id: 4242, ...(body as object) }));
  if (has("check-update")) scope.patch(`${repoPath}/check-runs/4242`).reply(200, (uri, body) => (record("PATCH", uri, body), { id: 4242 }));
  if (has("pull"))
    scope.get(`${repoPath}/pulls/${spec.pr.number}`).reply(200, (uri) => {
      record("GET", uri, undefined);
      return { number: spec.pr.number, state: "open", body: spec.pr.body, head: { sha: spec.pr.currentHeadSha ?? spec.headSha }, base: { sha: spec.baseSha } };
    });
  if (has("comments"))
    scope
      .get(`${repoPath}/issues/${spec.pr.number}/comments`)
      .query(true)
      .reply((uri) => {
        record("GET", uri, undefined);
        const page = Number(new URL(uri, API).searchParams.get("page") ?? "1");
        const rows = state.comments.slice((page - 1) * 100, page * 100);
        const more = state.comments.length > page * 100;
        return [200, rows, more ? { link: `<${API}${repoPath}/issues/${spec.pr.number}/comments?per_page=100&page=${page + 1}>; rel="next"` } : {}];
      });
  if (has("comment-create"))
    scope.post(`${repoPath}/issues/${spec.pr.number}/comments`).reply(201, (uri, body) => {
      record("POST", uri, body);
      const comment = { id: nextId++, body: (body as { body: string }).body, user: bot };
      state.comments.push(comment);
      return comment;
    });
  if (has("comment-update"))
    scope.patch(new RegExp(`^${repoPath}/issues/comments/\\d+$`)).reply(200, (uri, body) => {
      record("PATCH", uri, body);
      const c = state.comments.find((x) => x.id === Number(uri.split("/").pop()))!;
      c.body = (body as { body: string }).body;
      return c;
    });
  if (has("comment-delete"))
    scope.delete(new RegExp(`^${repoPath}/issues/comments/\\d+$`)).reply(204, (uri) => {
      record("DELETE", uri, undefined);
      state.comments = state.comments.filter((x) => x.id !== Number(uri.split("/").pop()));
      return "";
    });
  if (has("reaction"))
    scope
      .post(new RegExp(`^${repoPath}/issues/comments/\\d+/reactions$`))
      .reply(201, (uri, body) => (record("POST", uri, body), { id: 1, content: (body as { content: string }).content }));
  if (has("permission"))
    scope
      .get(new RegExp(`^${repoPath}/collaborators/[^/]+/permission$`))
      .reply(
        200,
        (uri) => (record("GET", uri, undefined), { ...(spec.permission ?? { permission: "read", role_name: "read" }), user: { login: uri.split("/").at(-2) } }),
      );
  if (has("pulls-for-commit"))
    scope
      .get(new RegExp(`^${repoPath}/commits/[0-9a-f]{40}/pulls\\?per_page=100$`))
      .reply(200, (uri) => (record("GET", uri, undefined), [{ number: spec.pr.number, state: "open" }]));
  if (has("reviews"))
    scope
      .get(`${repoPath}/pulls/${spec.pr.number}/reviews`)
      .query(true)
      .reply(200, (uri) => {
        record("GET", uri, undefined);
        return (spec.reviews ?? []).map((r, i) => ({
          id: 500 + i,
          user: { login: r.user, type: "User" },
          state: r.state,
          commit_id: r.commit_id ?? spec.headSha,
          body: "",
        }));
      });
  if (has("team-membership"))
    scope.get(/^\/orgs\/[^/]+\/teams\/[^/]+\/memberships\/[^/]+$/).reply((uri) => {
      record("GET", uri, undefined);
      const [, , org, , team, , user] = uri.split("/");
      const member = (spec.teams?.[`${org}/${team}`] ?? []).includes(user ?? "");
      return member ? [200, { state: "active", role: "member", url: `${API}${uri}` }] : [404, { message: "Not Found" }];
    });
  if (has("graphql"))
    scope.post("/graphql").reply(async (uri, body) => {
      record("POST", uri, body);
      const { query, variables } = body as { query?: unknown; variables?: unknown };
      const answer = await executeQuery(graphqlRoot(spec), query, variables);
      return [answer.status, answer.body as Record<string, unknown>];
    });
  return state;
}
