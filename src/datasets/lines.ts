/**
 * Splitting a byte stream into numbered lines without holding the whole file, and strict UTF-8
 * decoding that says where a line's bytes go wrong.
 */

import { stripBomBytes } from "../text.js";

/** One physical line of a file (1-based), without its `\n`/`\r\n` and without a leading BOM. */
export type RawLine = { line: number; tooLong: false; bytes: Buffer } | { line: number; tooLong: true; length: number };

/** Default cap on one line (or one CSV record): longer ones are reported, never parsed. */
export const DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;

/**
 * Push-based line splitter: feed chunks, get the lines they complete. Memory stays bounded by
 * `maxBytes`: a longer line is skipped to its end and returned as `tooLong` with its length.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private pending = false;
  private skipping = false;
  private line: number;

  /** `firstLine` numbers the first line read (a part of a file that starts further in). */
  constructor(
    private readonly maxBytes: number = DEFAULT_MAX_RECORD_BYTES,
    firstLine = 1,
  ) {
    this.line = firstLine - 1;
  }

  /** Feeds one chunk; returns the lines it completed. */
  push(chunk: Buffer): RawLine[] {
    const out: RawLine[] = [];
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      this.append(chunk.subarray(start, end));
      if (nl === -1) break;
      out.push(this.flush());
      start = nl + 1;
    }
    return out;
  }

  /** Ends the stream; returns the last line when the file does not end with a newline. */
  end(): RawLine[] {
    return this.pending ? [this.flush()] : [];
  }

  private append(part: Buffer): void {
    this.pending = true;
    if (part.length === 0) return;
    this.size += part.length;
    if (this.skipping) return;
    if (this.size > this.maxBytes) {
      this.skipping = true;
      this.parts = [];
      return;
    }
    this.parts.push(part);
  }

  private flush(): RawLine {
    this.line += 1;
    const line = this.line;
    const size = this.size;
    const skipping = this.skipping;
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    this.pending = false;
    this.skipping = false;
    if (skipping) return { line, tooLong: true, length: size };
    // A line within one chunk is a view of it, not a copy: lines are decoded as soon as they are read.
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (line === 1) bytes = stripBomBytes(bytes);
    return { line, tooLong: false, bytes };
  }
}

/** Splits a whole buffer into lines (the synchronous form of {@link LineSplitter}). */
export function splitLines(content: Buffer, maxBytes: number = DEFAULT_MAX_RECORD_BYTES): RawLine[] {
  const splitter = new LineSplitter(maxBytes);
  return [...splitter.push(content), ...splitter.end()];
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** Decodes UTF-8 strictly; on bad bytes returns the problem as `not valid UTF-8 (byte 0x.. at column C)`. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const column = [...lenient.decode(bytes.subarray(0, offset))].length + 1;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return { error: `not valid UTF-8 (byte 0x${byte} at column ${column})` };
  }
}

/** Decodes UTF-8, replacing bad bytes with U+FFFD (for files whose bad lines are reported separately). */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

/** Byte offset of the first byte that starts an invalid UTF-8 sequence (length when valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[k];
    return b !== undefined && b >= lo && b <= hi;
  };
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return n;
}

/**
 * Decodes a whole file for the formats read in one piece (JSON, YAML, Markdown): returns the text
 * (bad bytes replaced) and one message per line that is not valid UTF-8.
 */
export function decodeWholeFile(content: Buffer): { text: string; badLines: Map<number, string> } {
  const badLines = new Map<number, string>();
  const body = stripBomBytes(content);
  try {
    return { text: strict.decode(body), badLines };
  } catch {
    for (const l of splitLines(body, Number.MAX_SAFE_INTEGER)) {
      if (l.tooLong) continue;
      const decoded = decodeUtf8(l.bytes);
      if ("error" in decoded) badLines.set(l.line, decoded.error);
    }
    return { text: lenient.decode(body), badLines };
  }
}
