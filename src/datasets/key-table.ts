/**
 * Duplicate and leakage keys of a whole dataset in typed arrays: about 85 bytes a record whatever
 * the record's size and no object per record, so a 500 MB file's keys fit in about 45 MB.
 */
import type { RecordKey } from "../types.js";
import { hash64 } from "./hash.js";
import { MINHASH_PERMUTATIONS, SIGNATURE_EMPTY } from "./signature.js";

/** Records per storage block: blocks are never copied when the table grows. */
const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
const P = MINHASH_PERMUTATIONS;
/**
 * Signature values are stored four to a group (one LSH band's rows), group-major: one band's keys
 * of a whole block are contiguous, so an LSH pass reads 4 bytes a record instead of a cache line.
 */
export const SIG_GROUP = 4;
const GROUPS = P / SIG_GROUP;
const TABLE = Symbol("key-table");

/** A 64-bit hash as 16 hex characters (the form of `RecordKey` hashes). */
export function hex64(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** A 64-bit hash given as 16 hex characters, split into two words. */
export function parseHash64(hex: string): [number, number] {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0];
}

/** Records per storage block, for loops that walk a table block by block (see `KeyTable.block`). */
export const KEY_BLOCK = BLOCK;

/** One storage block of a {@link KeyTable}: records `k * KEY_BLOCK` on. */
export interface KeyBlock {
  lines: Uint32Array;
  /** inputHi, inputLo, exampleHi, exampleLo per record. */
  hashes: Uint32Array;
  /** b-bit MinHash values (8 bits), P per record, in groups of SIG_GROUP (see there). */
  sigs: Uint8Array;
  /** The same memory as 32-bit words: one per group. */
  words: Uint32Array;
  empty: Uint8Array;
}

/**
 * Append-only table of record keys. Signatures are stored as 8-bit MinHash values (b-bit MinHash:
 * two different minima agree by chance once in 256, which moves a Jaccard estimate by (1 - J) / 256).
 */
export class KeyTable {
  size = 0;
  private readonly blocks: KeyBlock[] = [];
  /** A prefix view shares its blocks with the table it was cut from, so it must not grow. */
  private frozen = false;

  /**
   * The first `n` records of `table` as a read-only table that shares its storage (no copy): the
   * base version of a dataset that the change only appended to.
   */
  static prefix(table: KeyTable, n: number): KeyTable {
    const view = new KeyTable();
    view.blocks.push(...table.blocks.slice(0, Math.ceil(n / BLOCK)));
    view.size = Math.min(n, table.size);
    view.frozen = true;
    return view;
  }

  /**
   * Appends one record's keys; its signature is `sig[at..at + P)`, values below 2^8 or all
   * SIGNATURE_EMPTY (`at` reads it out of many records' signatures without a view per record).
   */
  push(line: number, inputHi: number, inputLo: number, exampleHi: number, exampleLo: number, sig: Uint32Array, at = 0): void {
    if (this.frozen) throw new Error("a KeyTable prefix view is read-only");
    const i = this.size++;
    const o = i & MASK;
    if (o === 0) {
      const sigs = new Uint8Array(BLOCK * P);
      this.blocks.push({
        lines: new Uint32Array(BLOCK),
        hashes: new Uint32Array(BLOCK * 4),
        sigs,
        words: new Uint32Array(sigs.buffer),
        empty: new Uint8Array(BLOCK),
      });
    }
    const b = this.blocks[i >>> BLOCK_BITS]!;
    b.lines[o] = line;
    b.hashes[o * 4] = inputHi;
    b.hashes[o * 4 + 1] = inputLo;
    b.hashes[o * 4 + 2] = exampleHi;
    b.hashes[o * 4 + 3] = exampleLo;
    if (sig[at] === SIGNATURE_EMPTY) b.empty[o] = 1;
    else for (let k = 0; k < P; k++) b.sigs[((k >>> 2) * BLOCK + o) * SIG_GROUP + (k & 3)] = sig[at + k]!;
  }

  /** Appends record i of another table, as it is stored there. */
  copyFrom(other: KeyTable, i: number): void {
    const b = other.blocks[i >>> BLOCK_BITS]!;
    const o = i & MASK;
    const h = b.hashes;
    const sig = COPY_SIG;
    if (b.empty[o]) sig.fill(SIGNATURE_EMPTY);
    else for (let k = 0; k < P; k++) sig[k] = b.sigs[((k >>> 2) * BLOCK + o) * SIG_GROUP + (k & 3)]!;
    this.push(b.lines[o]!, h[o * 4]!, h[o * 4 + 1]!, h[o * 4 + 2]!, h[o * 4 + 3]!, sig);
  }

  /** Appends a RecordKey made elsewhere (hashes of any form are reduced to 64 bits). */
  pushKey(key: RecordKey): void {
    const [ih, il] = toHash64(key.inputHash);
    const [eh, el] = toHash64(key.exampleHash);
    const sig = key.signature;
    const empty = sig.length !== P || sig.every((v) => v === SIGNATURE_EMPTY);
    const low = empty ? EMPTY_SIG : Uint32Array.from(sig, (v) => v & 0xff);
    this.push(key.line, ih, il, eh, el, low);
  }

  line(i: number): number {
    return this.blocks[i >>> BLOCK_BITS]!.lines[i & MASK]!;
  }

  inputHi(i: number): number {
    return this.blocks[i >>> BLOCK_BITS]!.hashes[(i & MASK) * 4]!;
  }

  inputLo(i: number): number {
    return this.blocks[i >>> BLOCK_BITS]!.hashes[(i & MASK) * 4 + 1]!;
  }

  isEmpty(i: number): boolean {
    return this.blocks[i >>> BLOCK_BITS]!.empty[i & MASK] === 1;
  }

  /**
   * Storage block k (read, never kept): record `k * KEY_BLOCK + o` has its hashes at `hashes[o * 4]`
   * (input hi, lo, example hi, lo), its signature group g at `words[g * KEY_BLOCK + o]` (one word)
   * and its empty flag at `empty[o]`.
   */
  block(k: number): Readonly<KeyBlock> {
    return this.blocks[k]!;
  }

  /**
   * Signature values that more than `share` of the non-empty records hold in the same bin, as a
   * mask indexed `bin * 256 + value`, or null when none is: such a bin's minimum is a shingle of
   * text most records share (an instruction template), which says nothing about two examples.
   */
  commonValues(share: number, minRecords: number): Uint8Array | null {
    const counts = new Uint32Array(P * 256);
    let records = 0;
    for (let k = 0, base = 0; base < this.size; k++, base += BLOCK) {
      const b = this.blocks[k]!;
      const end = Math.min(BLOCK, this.size - base);
      for (let o = 0; o < end; o++) {
        if (b.empty[o]) continue;
        records++;
        for (let bin = 0; bin < P; bin++) counts[bin * 256 + b.sigs[((bin >>> 2) * BLOCK + o) * SIG_GROUP + (bin & 3)]!]!++;
      }
    }
    if (records < minRecords) return null;
    const mask = new Uint8Array(P * 256);
    let any = false;
    for (let v = 0; v < counts.length; v++) {
      if (counts[v]! > share * records) {
        mask[v] = 1;
        any = true;
      }
    }
    return any ? mask : null;
  }

  /**
   * Whether records i and j agree on at least `threshold` of the bins that are not common to
   * both (see {@link commonValues}); on all bins when fewer than `minBins` such bins are left.
   */
  agreesDiscounting(i: number, j: number, common: Uint8Array, threshold: number, minBins: number): boolean {
    const sa = this.blocks[i >>> BLOCK_BITS]!.sigs;
    const sb = this.blocks[j >>> BLOCK_BITS]!.sigs;
    const oa = (i & MASK) * SIG_GROUP;
    const ob = (j & MASK) * SIG_GROUP;
    let same = 0;
    let bins = 0;
    let all = 0;
    for (let bin = 0; bin < P; bin++) {
      const at = (bin >>> 2) * BLOCK * SIG_GROUP + (bin & 3);
      const a = sa[at + oa]!;
      const b = sb[at + ob]!;
      if (a === b) all++;
      if (common[bin * 256 + a] && common[bin * 256 + b]) continue;
      bins++;
      if (a === b) same++;
    }
    // Nearly all common: the records are copies of the text most of the file repeats, compared whole.
    if (bins < minBins) return all >= Math.ceil(threshold * P - 1e-9);
    return same >= Math.ceil(threshold * bins - 1e-9);
  }

  /** Equal signature values of record i here and record j of `other`, stopping once `needed` is out of reach. */
  agreement(i: number, other: KeyTable, j: number, needed: number): number {
    // A group's four values at once: the zero bytes of the XOR of two words are the equal values.
    const wa = this.blocks[i >>> BLOCK_BITS]!.words;
    const wb = other.blocks[j >>> BLOCK_BITS]!.words;
    const oa = i & MASK;
    const ob = j & MASK;
    let same = 0;
    for (let g = 0; g < GROUPS; g++) {
      const x = wa[g * BLOCK + oa]! ^ wb[g * BLOCK + ob]!;
      if (x === 0) same += SIG_GROUP;
      else same += ((x & 0xff) === 0 ? 1 : 0) + ((x & 0xff00) === 0 ? 1 : 0) + ((x & 0xff0000) === 0 ? 1 : 0) + ((x & 0xff000000) === 0 ? 1 : 0);
      if (same + P - (g + 1) * SIG_GROUP < needed) return same;
    }
    return same;
  }

  /** Record i as a RecordKey (a fresh object each time). */
  key(i: number): RecordKey {
    const b = this.blocks[i >>> BLOCK_BITS]!;
    const o = i & MASK;
    const signature = new Uint32Array(P);
    if (b.empty[o]) signature.fill(SIGNATURE_EMPTY);
    else for (let k = 0; k < P; k++) signature[k] = b.sigs[((k >>> 2) * BLOCK + o) * SIG_GROUP + (k & 3)]!;
    return {
      line: b.lines[o]!,
      inputHash: hex64(b.hashes[o * 4]!, b.hashes[o * 4 + 1]!),
      exampleHash: hex64(b.hashes[o * 4 + 2]!, b.hashes[o * 4 + 3]!),
      signature,
    };
  }

  /**
   * A read-only array view (what `DatasetScan.keys` holds): indexing, `length` and every Array
   * method work, each element made on access, so the scan keeps no object per record.
   */
  asArray(): RecordKey[] {
    const table = this;
    const indexOf = (prop: string | symbol): number => {
      if (typeof prop !== "string" || prop === "" || prop.length > 10) return -1;
      const c = prop.charCodeAt(0);
      if (c < 48 || c > 57 || (c === 48 && prop.length > 1)) return -1;
      const n = Number(prop);
      return Number.isInteger(n) ? n : -1;
    };
    return new Proxy<RecordKey[]>([], {
      get(target, prop, receiver) {
        if (prop === TABLE) return table;
        if (prop === "length") return table.size;
        const i = indexOf(prop);
        if (i >= 0) return i < table.size ? table.key(i) : undefined;
        return Reflect.get(target, prop, receiver) as unknown;
      },
      has(target, prop) {
        const i = indexOf(prop);
        return i >= 0 ? i < table.size : Reflect.has(target, prop);
      },
      ownKeys() {
        return [...Array.from({ length: table.size }, (_, i) => String(i)), "length"];
      },
      getOwnPropertyDescriptor(target, prop) {
        if (prop === "length") return { value: table.size, writable: true, enumerable: false, configurable: false };
        const i = indexOf(prop);
        if (i >= 0 && i < table.size) return { value: table.key(i), writable: false, enumerable: true, configurable: true };
        return Reflect.getOwnPropertyDescriptor(target, prop);
      },
      set() {
        return false;
      },
      defineProperty() {
        return false;
      },
      deleteProperty() {
        return false;
      },
    });
  }

  /** The table behind an array from {@link KeyTable.asArray}, or a new table holding `keys`. */
  static of(keys: readonly RecordKey[]): KeyTable {
    const own = (keys as unknown as Record<symbol, unknown>)[TABLE];
    if (own instanceof KeyTable) return own;
    const table = new KeyTable();
    for (const key of keys) table.pushKey(key);
    return table;
  }
}

const EMPTY_SIG = new Uint32Array(P).fill(SIGNATURE_EMPTY);
/** copyFrom's scratch signature (push copies it out at once). */
const COPY_SIG = new Uint32Array(P);

/** 64 bits of a hash string: parsed when it is 16 hex characters, else hashed. */
function toHash64(text: string): [number, number] {
  if (/^[0-9a-f]{16}$/.test(text)) return parseHash64(text);
  return hash64(text);
}
