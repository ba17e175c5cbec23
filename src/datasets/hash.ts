/** Fast non-cryptographic hashes for record keys and MinHash: deterministic across runs and machines. */

/** Two independent 32-bit FNV-1a style lanes, each finalised with murmur3's fmix: 64 bits of a string. */
export function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [fmix32(a ^ text.length), fmix32(b ^ Math.imul(text.length, 0x27d4eb2d))];
}

/** murmur3's 32-bit finaliser. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 53-bit hash of `text[start..end)` as one number (exact in a double, so typed arrays and sorts
 * hold it): the identity of a record's content when base and head versions of a file are matched.
 */
export function hash53(text: string, start = 0, end = text.length): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return finish53(a, b, end - start);
}

/** The last step of `hash53` over `n` code units whose two lanes ended at `a` and `b`. */
export function finish53(a: number, b: number, n: number): number {
  return (fmix32(a ^ n) & 0x1fffff) * 0x100000000 + fmix32(b ^ Math.imul(n, 0x27d4eb2d));
}
