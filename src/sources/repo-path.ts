import { posix } from "node:path";

const escapes = (normal: string) => normal === "." || normal === ".." || normal.startsWith("../") || normal.startsWith("/");

/**
 * A repository-relative path a Source may read, normalised (`./a//b` → `a/b`), or null for anything
 * that leaves the repository: `..`, absolute, empty, a NUL byte, or one of these spelt with
 * backslashes (`..\x`, a separator on Windows). A backslash inside a name is kept: git allows it.
 * The one check every Source and API path goes through.
 */
export function safePath(path: string): string | null {
  if (path.includes("\0")) return null;
  const normal = posix.normalize(path).replace(/^\.\//, "");
  if (escapes(normal) || escapes(posix.normalize(path.replace(/\\/g, "/")))) return null;
  return normal;
}

/** Each segment percent-encoded, `/` kept: Octokit's `{path}` sends `/` as `%2F`, which some tokens get 404 for (octokit.js#2422). */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
