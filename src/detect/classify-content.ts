/** Tells text from Git LFS pointers and binary content, before anything tries to parse a file. */
import { stripBom } from "../text.js";

/** What a file's bytes are. */
export type ContentClass = { kind: "text" } | { kind: "lfs-pointer" } | { kind: "binary"; reason: string };

const SNIFF_BYTES = 8192;
const LFS_PREFIX = "version https://git-lfs.github.com/spec/v1";

/**
 * Classifies a file's bytes from its first 8 KB. A text file with a few invalid UTF-8 bytes or a
 * stray NUL is still text: its bad records become `dataset-format` findings later.
 */
export function classifyContent(buf: Buffer): ContentClass {
  const head = buf.subarray(0, SNIFF_BYTES);
  if (isLfsPointer(buf)) return { kind: "lfs-pointer" };
  if (head.length === 0) return { kind: "text" };

  let nul = 0;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) nul++;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b) || byte === 0x7f) control++;
  }
  // UTF-16 text has NULs in every other byte; it is not a format any reader here accepts.
  if (nul / head.length > 0.1) return { kind: "binary", reason: `${nul} NUL bytes in the first ${head.length}` };

  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(head);
  let replaced = 0;
  for (const ch of decoded) if (ch === "\uFFFD") replaced++;
  const bad = replaced + control + nul;
  if (bad / Math.max(decoded.length, 1) > 0.3) {
    return { kind: "binary", reason: "mostly non-text bytes" };
  }
  return { kind: "text" };
}

/** A Git LFS pointer: the spec line, an `oid sha256:` line and a `size` line, and nothing large. */
export function isLfsPointer(buf: Buffer): boolean {
  if (buf.length > 1024) return false;
  const text = stripBom(buf.toString("utf8"));
  if (!text.startsWith(LFS_PREFIX)) return false;
  return /^oid sha256:[0-9a-f]{64}\s*$/m.test(text) && /^size \d+\s*$/m.test(text);
}
