/**
 * Cheap pre-tests for lexicon regexes: from a pattern's source, the literals (or a character
 * class) that every match must contain, so most texts are ruled out by one fast scan instead of
 * running every pattern. The reading is conservative: whatever it does not understand makes the
 * pattern ungated (always run), never wrongly skipped.
 */

/** One alternative a match may contain: a literal string or a character class (regex source). */
type Test = { literal: string } | { charClass: string };

/** Every match contains at least one of these. */
type Requirement = Test[];

const SPECIAL = new Set(["^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|"]);
const CONTROL_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };

/** Escapes a literal for use inside a regex. */
function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** How selective a requirement is: its weakest test (a literal by its length, a class as half a character). */
function score(req: Requirement): number {
  let weakest = Infinity;
  for (const t of req) weakest = Math.min(weakest, "literal" in t ? t.literal.length : 0.5);
  // Fewer alternatives are cheaper and rarer.
  return weakest - req.length / 1000;
}

class Reader {
  private i = 0;
  /** Whether the last atom had an explicit quantifier. */
  private quantified = false;

  constructor(private readonly source: string) {}

  /** Requirement of an alternation up to `)` or the end; null when some alternative has none. */
  alternation(): Requirement | null {
    const union: Requirement = [];
    let known = true;
    for (;;) {
      const req = this.sequence();
      if (req === null) known = false;
      else union.push(...req);
      if (this.source[this.i] === "|") {
        this.i++;
        continue;
      }
      return known ? union : null;
    }
  }

  private sequence(): Requirement | null {
    const candidates: Requirement[] = [];
    let run = "";
    const endRun = (): void => {
      if (run !== "") candidates.push([{ literal: run }]);
      run = "";
    };
    const s = this.source;
    while (this.i < s.length && s[this.i] !== "|" && s[this.i] !== ")") {
      const c = s[this.i]!;
      // Each atom is a literal character, a requirement (group or class) or unknown (null).
      let literal: string | null = null;
      let req: Requirement | null = null;
      if (c === "\\") {
        const e = s[this.i + 1];
        this.i += 2;
        if (e === undefined) throw new Error("trailing backslash");
        if ("dDwWsS".includes(e)) req = [{ charClass: `\\${e}` }];
        else if (e in CONTROL_ESCAPES) literal = CONTROL_ESCAPES[e]!;
        else if (e === "x" && /^[0-9a-fA-F]{2}$/.test(s.slice(this.i, this.i + 2))) {
          literal = String.fromCharCode(parseInt(s.slice(this.i, this.i + 2), 16));
          this.i += 2;
        } else if (!/[0-9A-Za-z]/.test(e)) literal = e;
        // The other escapes (\b, \B, back-references, \c, \u, \p, \k) are unknown atoms; what they consume is skipped.
        else if (e === "k") this.skipName();
        else if (e === "u" && /^[0-9a-fA-F]{4}/.test(s.slice(this.i))) this.i += 4;
        else if (e === "p" || e === "P" || e === "u") this.skipBraces();
        else if (e === "c" && /[A-Za-z]/.test(s[this.i] ?? "")) this.i++;
        else if (/[0-9]/.test(e)) while (/[0-9]/.test(s[this.i] ?? "")) this.i++;
      } else if (c === "[") {
        req = [{ charClass: this.charClass() }];
      } else if (c === "(") {
        req = this.group();
      } else if (c === "{" && /^\{\d+(,\d*)?\}/.test(s.slice(this.i))) {
        throw new Error("quantifier without an atom");
      } else {
        this.i++;
        if (!SPECIAL.has(c)) literal = c;
        // A surrogate pair is one atom: a quantifier after it must not leave half of it required.
        const low = s.charCodeAt(this.i);
        if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) literal = c + s[this.i++]!;
      }
      const min = this.quantifier();
      if (literal !== null) {
        if (min === 1 && !this.quantified) run += literal;
        else {
          if (min >= 1) run += literal;
          endRun();
        }
      } else {
        endRun();
        if (req !== null && min >= 1) candidates.push(req);
      }
    }
    endRun();
    let best: Requirement | null = null;
    for (const r of candidates) if (best === null || score(r) > score(best)) best = r;
    return best;
  }

  /** Reads a quantifier after an atom; returns its minimum count (1 when there is none). */
  private quantifier(): number {
    const s = this.source;
    const c = s[this.i];
    let min = 1;
    this.quantified = true;
    if (c === "*" || c === "?") {
      min = 0;
      this.i++;
    } else if (c === "+") this.i++;
    else {
      const m = c === "{" ? /^\{(\d+)(,\d*)?\}/.exec(s.slice(this.i)) : null;
      if (!m) {
        this.quantified = false;
        return 1;
      }
      min = Number(m[1]);
      this.i += m[0].length;
    }
    if (s[this.i] === "?") this.i++;
    return min;
  }

  private charClass(): string {
    const s = this.source;
    const start = this.i;
    this.i++;
    if (s[this.i] === "^") this.i++;
    while (this.i < s.length && s[this.i] !== "]") this.i += s[this.i] === "\\" ? 2 : 1;
    if (this.i >= s.length) throw new Error("unterminated class");
    this.i++;
    return s.slice(start, this.i);
  }

  private group(): Requirement | null {
    const s = this.source;
    this.i++;
    let lookaround = false;
    let known = true;
    if (s[this.i] === "?") {
      const head = s.slice(this.i, this.i + 3);
      if (head.startsWith("?:")) this.i += 2;
      else if (head === "?<=" || head === "?<!" || head.startsWith("?=") || head.startsWith("?!")) {
        lookaround = true;
        this.i += head.startsWith("?<") ? 3 : 2;
      } else if (head.startsWith("?<")) {
        this.i += 2;
        this.skipTo(">");
      } else {
        // Modifiers such as (?i:...) change how the inside matches: read it, trust none of it.
        known = false;
        this.skipTo(":");
      }
    }
    const inner = this.alternation();
    if (s[this.i] !== ")") throw new Error("unterminated group");
    this.i++;
    return lookaround || !known ? null : inner;
  }

  private skipTo(end: string): void {
    const at = this.source.indexOf(end, this.i);
    if (at < 0) throw new Error(`missing ${end}`);
    this.i = at + 1;
  }

  private skipName(): void {
    if (this.source[this.i] === "<") this.skipTo(">");
  }

  private skipBraces(): void {
    if (this.source[this.i] === "{") this.skipTo("}");
  }

  get done(): boolean {
    return this.i >= this.source.length;
  }
}

/** Distinct tests of patterns sharing the same gate flags, scanned together. */
interface FlagGroup {
  /**
   * Global regex with one capture group per literal (longest first), then one per class; null
   * when there are none. Once a class is found the scan goes on with `literalScanner`, so a text
   * full of digits is not matched digit by digit.
   */
  scanner: RegExp | null;
  /**
   * The same alternatives without groups, for a quick test of whether any is there at all: one
   * regex of the single characters and classes, one of the longer literals. Two simple scans
   * took half the time of one alternation of both (V8 tries every alternative at each position).
   */
  any: RegExp[];
  literalScanner: RegExp | null;
  literalCount: number;
  /** Per capture group: the patterns its match shows may match. */
  capturePatterns: number[][];
  /** The classes again, tested once each after the first class is found. */
  classes: Array<{ test: RegExp; patterns: number[] }>;
}

/**
 * Which of several patterns can match in a text, found with one scan for the literals they
 * need instead of one test per pattern. A pattern whose source is not understood always counts.
 */
export class GateSet {
  private readonly groups: FlagGroup[] = [];
  private readonly always: number[] = [];
  /** Every test of every gated pattern, with the flags it is matched under. */
  private readonly tests: Array<{ test: Test; flags: string }> = [];

  constructor(patterns: ReadonlyArray<{ source: string; flags: string }>) {
    const byFlags = new Map<string, Array<{ index: number; tests: Requirement }>>();
    patterns.forEach((p, index) => {
      const tests = requirementOf(p.source, p.flags);
      if (tests === null) {
        this.always.push(index);
        return;
      }
      const flags = gateFlags(p.flags);
      for (const test of tests) this.tests.push({ test, flags });
      const list = byFlags.get(flags) ?? [];
      list.push({ index, tests });
      byFlags.set(flags, list);
    });
    for (const [flags, list] of byFlags) {
      const group = buildGroup(flags, list);
      if (group === null) this.always.push(...list.map((p) => p.index));
      else this.groups.push(group);
    }
  }

  /**
   * Whether a gate test could be met by one of `chars` (as a literal's character or in a class):
   * when none can, a text where those characters are written differently (escaped in JSON, say)
   * passes the gate exactly when the plain text does.
   */
  reliesOn(chars: string): boolean {
    const list = [...chars];
    return this.tests.some(({ test, flags }) =>
      "literal" in test ? list.some((c) => test.literal.includes(c)) : list.some((c) => new RegExp(test.charClass, flags).test(c)),
    );
  }

  /** Sets `out[i]` to 1 for each pattern i that may match in `text` (others to 0); returns how many. */
  candidates(text: string, out: Uint8Array): number {
    out.fill(0);
    let n = 0;
    for (const i of this.always) n += mark(out, i);
    for (const g of this.groups) {
      let re = g.scanner;
      // Most texts hold none of the literals: tests without captures say so at a fraction of the cost.
      if (re === null || !anyMatches(g.any, text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null && n < out.length; m = re.exec(text)) {
        let k = 1;
        while (m[k] === undefined) k++;
        for (const i of g.capturePatterns[k - 1]!) n += mark(out, i);
        const next = m.index + 1;
        if (k > g.literalCount && re === g.scanner) {
          for (const c of g.classes) if (c.patterns.some((i) => !out[i]) && c.test.test(text)) for (const i of c.patterns) n += mark(out, i);
          if (g.literalScanner === null) break;
          re = g.literalScanner;
        }
        // Every start position is tried: a literal overlapping the one just found still counts.
        re.lastIndex = next;
      }
    }
    return n;
  }
}

function anyMatches(tests: readonly RegExp[], text: string): boolean {
  for (const t of tests) if (t.test(text)) return true;
  return false;
}

function mark(out: Uint8Array, i: number): number {
  if (out[i]) return 0;
  out[i] = 1;
  return 1;
}

function buildGroup(flags: string, list: Array<{ index: number; tests: Requirement }>): FlagGroup | null {
  const literals = new Map<string, number[]>();
  const classes = new Map<string, number[]>();
  for (const { index, tests } of list) {
    for (const t of tests) {
      const map = "literal" in t ? literals : classes;
      const key = "literal" in t ? t.literal : t.charClass;
      const patterns = map.get(key) ?? [];
      if (!patterns.includes(index)) patterns.push(index);
      map.set(key, patterns);
    }
  }
  try {
    // At one position the regex reports the first alternative that matches, so longer literals go
    // first, classes last, and a match also stands for every shorter literal it starts with and
    // every class its first character is in (compared under the same flags).
    const ordered = [...literals.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
    const classList = [...classes].map(([source, patterns]) => ({ source, test: new RegExp(source, flags), patterns }));
    const capturePatterns = ordered.map((lit) => {
      const covered = new Set<number>();
      for (const [other, patterns] of literals) {
        if (new RegExp(`^(?:${escapeLiteral(other)})`, flags).test(lit)) for (const i of patterns) covered.add(i);
      }
      for (const c of classList) if (new RegExp(`^(?:${c.source})`, flags).test(lit)) for (const i of c.patterns) covered.add(i);
      return [...covered];
    });
    for (const c of classList) capturePatterns.push(c.patterns);
    const literalSources = ordered.map((lit) => `(${escapeLiteral(lit)})`);
    const all = [...literalSources, ...classList.map((c) => `(${c.source})`)];
    const short = [...ordered.filter((lit) => lit.length === 1).map(escapeLiteral), ...classList.map((c) => c.source)];
    const long = ordered.filter((lit) => lit.length > 1).map(escapeLiteral);
    return {
      scanner: all.length > 0 ? new RegExp(all.join("|"), `${flags}g`) : null,
      any: [short, long].filter((alternatives) => alternatives.length > 0).map((alternatives) => new RegExp(alternatives.join("|"), flags)),
      literalScanner: literalSources.length > 0 ? new RegExp(literalSources.join("|"), `${flags}g`) : null,
      literalCount: ordered.length,
      capturePatterns,
      classes: classList.map(({ test, patterns }) => ({ test, patterns })),
    };
  } catch {
    return null;
  }
}

/** The flags that change what a gate matches (case, Unicode); never global or sticky. */
function gateFlags(flags: string): string {
  return [...flags]
    .filter((f) => f === "i" || f === "u" || f === "s" || f === "m")
    .sort()
    .join("");
}

function requirementOf(source: string, flags: string): Requirement | null {
  // A gate keeps the pattern's case and Unicode flags, so its literals match exactly what the
  // pattern's own do. Classes of the v flag nest, which this reader does not follow.
  if (flags.includes("v")) return null;
  try {
    const reader = new Reader(source);
    const req = reader.alternation();
    return reader.done && req !== null && req.length > 0 ? req : null;
  } catch {
    return null;
  }
}
