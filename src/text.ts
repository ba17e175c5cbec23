/**
 * The one place a UTF-8 byte-order mark is removed: editors on Windows write one, and keys, the
 * first record of a file or a slash command must read the same with or without it.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Bytes without a leading UTF-8 byte-order mark (a view, not a copy). */
export function stripBomBytes<T extends Uint8Array>(bytes: T): T {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? (bytes.subarray(3) as T) : bytes;
}

/** Decodes bytes as UTF-8 (invalid bytes become U+FFFD) without a leading byte-order mark. */
export function decodeText(buf: Buffer): string {
  return stripBom(buf.toString("utf8"));
}
