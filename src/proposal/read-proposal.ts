/** One sentence of a proposal, with the section it sits in and its stemmed words. */
export interface ProposalSentence {
  text: string;
  /** Offset of the sentence in its text. */
  index: number;
  /** Lower-cased heading or field label the sentence sits under ("" at top level). */
  section: string;
  /** Stems of the sentence's words, in order. */
  stems: string[];
  /** The sentence's words, lower-cased, aligned with `stems`. */
  words: string[];
  /** Clause number of each word (a new clause after ; ( ) : or a dash), aligned with `stems`: negation does not reach across. */
  clauses: number[];
  /** Paragraph number in its text: a blank line or a heading starts a new one. */
  paragraph: number;
  /** Whether the sentence is a template field, a table row or a front-matter key rather than prose. */
  field: boolean;
}

/** Bounds the work per sentence on a 1 MB PR body: longer runs are read in pieces of this length. */
const MAX_SENTENCE = 400;
const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "approx", "cf", "dr", "mr", "mrs", "ms", "no", "fig", "eg", "ie", "inc", "ltd", "al"]);

/** A crude suffix-stripping stemmer: enough to make "improving", "improves" and "improve" meet. */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[’]/g, "'");
  if (w.length <= 3) return w;
  if (w.endsWith("ings") && w.length > 6) w = w.slice(0, -1);
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("ations") || w.endsWith("ation")) w = w.replace(/ations?$/, "at");
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("es") && w.length > 4 && /(ss|x|ch|sh|[^aeiou]e)es$/.test(w) === false && /[sxz]es$|[cs]hes$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) w = w.slice(0, -1);
  if (/([bdgklmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length >= 4 && w !== "note") w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 4) w = w.slice(0, -1) + "i";
  return w;
}

/** Words of a text, hyphenated words split into their parts ("fine-tune" gives "fine", "tune"). */
export function words(text: string): string[] {
  return clauseWords(text).words;
}

const WORD = /[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*|[$£€%<>≤]/g;

/** Words of a text with the clause each sits in: a ; ( ) : or dash between two words starts a new clause. */
export function clauseWords(text: string): { words: string[]; clauses: number[] } {
  const out: string[] = [];
  const clauses: number[] = [];
  let clause = 0;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const at = m.index ?? 0;
    if (/[;():—–]|\s-\s/.test(text.slice(last, at))) clause++;
    last = at + m[0].length;
    // A hyphenated name is read as its parts ("Prompt-only", "rules-based"), as concept phrases are, so a
    // technique used as a list or table label still meets its lemma.
    for (const part of m[0].split(/-+/)) {
      if (!part) continue;
      out.push(part);
      clauses.push(clause);
    }
  }
  return { words: out, clauses };
}

/** Stems of a phrase's words, joined by spaces ("fine-tuning" → "fine-tun"). */
export function stemPhrase(phrase: string): string {
  return words(phrase).map(stem).join(" ");
}

/** A short capitalised line without punctuation, followed by a list item or by a blank line and more text. */
function isLabel(line: string, next: string | undefined, after: string | undefined): boolean {
  const t = line.trim();
  if (t.length > 40 || !/^[A-Z][A-Za-z /&'-]*$/.test(t) || t.split(/\s+/).length > 4) return false;
  if (next === undefined) return false;
  if (/^\s*(?:[-*+]|\d+[.)])\s+\S/.test(next)) return true;
  return !next.trim() && after !== undefined && after.trim().length > 0;
}

/** A setext underline ("===" or "---" under a line of text), which makes the line above a heading. */
const SETEXT = /^\s{0,3}(?:=+|-+)\s*$/;

function isHeading(line: string, next?: string): string | undefined {
  if (next !== undefined && SETEXT.test(next) && isSetextTitle(line)) return line.trim();
  const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (h) return h[1]!;
  const b = /^\s*\*\*([^*]{2,60})\*\*:?\s*$/.exec(line);
  return b?.[1];
}

/**
 * A line a setext underline makes a heading: short and title-like, not a sentence. A rule (`---`) under the
 * last line of a paragraph ("... we retrain monthly.\n---\ncc @team") leaves that line prose.
 */
function isSetextTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 60 && !/[.;:!?,]$/.test(t) && !/^(?:[-*+]|\d+[.)])\s/.test(t) && !t.includes("|");
}

/** A "Field: value" line in a template (short label, then content). */
function fieldOf(line: string): { label: string; value: string } | undefined {
  const m = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?([A-Za-z][A-Za-z /&()'-]{1,48}?)(?:\*\*)?\s*:(?:\*\*)?\s+(.*)$/.exec(line);
  if (!m || /https?$/i.test(m[1]!)) return undefined;
  return { label: m[1]!.trim(), value: m[2]! };
}

/** Splits one line of prose into sentences: full stops inside numbers, versions and abbreviations do not end one. */
function splitLine(line: string, offset: number, push: (text: string, index: number) => void): void {
  let start = 0;
  const re = /[.!?…]+(?=\s+|$)/g;
  for (const m of line.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    const before = line.slice(start, m.index).split(/\s+/).pop()?.toLowerCase().replace(/^\(/, "") ?? "";
    if (m[0] === "." && ABBREVIATIONS.has(before.replace(/\.$/, ""))) continue;
    if (m[0] === "." && /^\s+[a-z]/.test(line.slice(end)) && /\.\w/.test(before)) continue;
    push(line.slice(start, end), offset + start);
    start = end;
  }
  if (start < line.length) push(line.slice(start), offset + start);
}

/** A proposal's sections: heading (or field label) and whether it has real content. */
export interface ProposalSection {
  title: string;
  content: string;
}

/** The parsed proposal: sentences in order, sections, and YAML front matter keys. */
export interface ReadProposal {
  sentences: ProposalSentence[];
  sections: ProposalSection[];
}

/**
 * Reads a Markdown proposal: front matter and headings give sections (a "Label: value" line is a one-line
 * section), table cells and list items are separate sentences, prose is split into sentences. Linear in
 * the text's length.
 */
export function readProposal(markdown: string): ReadProposal {
  const text = blankComments(markdown);
  const sentences: ProposalSentence[] = [];
  const sections: ProposalSection[] = [];
  let section = "";
  let current: ProposalSection | undefined;
  let offset = 0;
  let inFront = false;
  let inFence = false;
  let paragraph = 0;
  const lines = text.split("\n");
  lines.forEach((raw, n) => {
    const lineOffset = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, "");
    if (n === 0 && line.trim() === "---") return void (inFront = true);
    if (inFront) {
      if (line.trim() === "---") return void (inFront = false);
      const kv = /^\s*([\w.-]+)\s*:\s*(.*)$/.exec(line);
      if (kv) {
        sections.push({ title: kv[1]!.replace(/[_-]/g, " ").toLowerCase(), content: kv[2]! });
        pushSentence(`${kv[1]!.replace(/[_-]/g, " ")}: ${kv[2]!}`, lineOffset, kv[1]!.replace(/[_-]/g, " ").toLowerCase(), true);
      }
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) return void (inFence = !inFence);
    if (inFence) return;
    if (!line.trim()) return void paragraph++;
    if (SETEXT.test(line) && n > 0 && isHeading(lines[n - 1]!.replace(/\r$/, ""), line) !== undefined) return;
    const heading = isHeading(line, lines[n + 1]?.replace(/\r$/, ""));
    // A plain-text label on its own line ("Motivation", "Budget") followed by a list or a blank line heads a
    // section as a Markdown heading does; it is kept as a sentence too, so a one-line PR loses nothing.
    if (heading === undefined && isLabel(line, lines[n + 1], lines[n + 2])) {
      paragraph++;
      section = line.trim().toLowerCase();
      current = { title: section, content: "" };
      sections.push(current);
      splitLine(line, lineOffset, (s, i) => pushSentence(s, i, section));
      return;
    }
    if (heading !== undefined) {
      paragraph++;
      section = heading.toLowerCase();
      current = { title: section, content: "" };
      sections.push(current);
      return;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line)) return;
    const field = fieldOf(line);
    const cells = line.includes("|")
      ? line
          .split("|")
          .map((c) => c.trim())
          .filter(Boolean)
      : [line];
    if (current) current.content += `${line}\n`;
    if (field && !line.includes("|")) {
      const title = field.label.toLowerCase();
      sections.push({ title, content: field.value });
      splitLine(line, lineOffset, (s, i) => pushSentence(s, i, `${section} ${title}`.trim(), true));
      return;
    }
    if (cells.length >= 2 && line.includes("|")) {
      const title = cells[0]!.toLowerCase().replace(/\*/g, "");
      sections.push({ title, content: cells.slice(1).join(" ") });
      pushSentence(cells.join(": "), lineOffset, `${section} ${title}`.trim(), true);
      return;
    }
    splitLine(
      line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/, (p) => " ".repeat(p.length)),
      lineOffset,
      (s, i) => pushSentence(s, i, section),
    );
  });
  return { sentences, sections };

  function pushSentence(s: string, index: number, sec: string, field = false): void {
    // An unpunctuated megabyte is read in bounded pieces rather than dropped after its first one.
    for (let from = 0; from < s.length; from += MAX_SENTENCE) {
      const t = s.slice(from, from + MAX_SENTENCE).trim();
      if (!t || !/[A-Za-z]/.test(t)) continue;
      const cw = clauseWords(t);
      const ws = cw.words.map((w) => w.toLowerCase());
      sentences.push({ text: t, index: index + from, section: sec, stems: ws.map(stem), words: ws, clauses: cw.clauses, paragraph, field });
    }
  }
}

/**
 * HTML comments (template hints) are invisible in the rendered PR: blanked to spaces, newlines kept, so
 * offsets and lines stay true. One forward scan; an unclosed comment runs to the end, as GitHub renders it.
 */
export function blankComments(text: string): string {
  let at = text.indexOf("<!--");
  if (at < 0) return text;
  let out = "";
  let from = 0;
  while (at >= 0) {
    const end = text.indexOf("-->", at + 4);
    const stop = end < 0 ? text.length : end + 3;
    out += text.slice(from, at) + text.slice(at, stop).replace(/[^\n]/g, " ");
    from = stop;
    at = end < 0 ? -1 : text.indexOf("<!--", stop);
  }
  return out + text.slice(from);
}

/** Whether a section's content is a statement: not empty, "TBD", "N/A", "none" or a placeholder. */
export function hasContent(content: string): boolean {
  const c = content
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/[*_`>#|—–-]/g, " ")
    .trim()
    .toLowerCase();
  if (!c) return false;
  return !/^(tbd|tbc|n\/?a|none|todo|\?+|to be (decided|determined|confirmed)|pending|unknown|not yet|-)\.?$/.test(c);
}
