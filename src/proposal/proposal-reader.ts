import type { ReviewInput } from "../types.js";
import { lineCounter } from "../rules/proposal-text.js";
import { findConcept, negated, type Concept } from "./language.js";
import { readProposal, type ProposalSection, type ProposalSentence } from "./read-proposal.js";

/** A sentence of one proposal part, located. */
export interface LocatedSentence extends ProposalSentence {
  path?: string;
  line?: number;
  /** The sentence before it in the same section, if any. */
  previous?: ProposalSentence;
  /** The sentence after it in the same part, if any (an answer after a question). */
  next?: ProposalSentence;
}

/** The read of each review's proposal: the three proposal rules read the same parts, a 1 MB body once. */
const reads = new WeakMap<ReviewInput["proposal"], { sentences: LocatedSentence[]; sections: ProposalSection[] }>();

/** Every sentence and section of the proposal's parts (PR description and proposal files), read once per review. */
export function readAll(input: ReviewInput): { sentences: LocatedSentence[]; sections: ProposalSection[] } {
  let read = reads.get(input.proposal);
  if (!read) {
    read = readParts(input);
    reads.set(input.proposal, read);
  }
  return read;
}

function readParts(input: ReviewInput): { sentences: LocatedSentence[]; sections: ProposalSection[] } {
  const sentences: LocatedSentence[] = [];
  const sections: ProposalSection[] = [];
  let paragraphs = 0;
  for (const part of input.proposal) {
    const read = readProposal(part.text);
    const lineOf = part.path ? lineCounter(part.text) : undefined;
    // Paragraph numbers are made unique across parts, so a paragraph never spans two files.
    const base = paragraphs;
    read.sentences.forEach((s, i) => {
      const prev = read.sentences[i - 1];
      const paragraph = base + s.paragraph;
      paragraphs = Math.max(paragraphs, paragraph + 1);
      sentences.push({
        ...s,
        paragraph,
        path: part.path,
        line: lineOf?.(s.index),
        previous: prev && prev.section === s.section ? prev : undefined,
        next: read.sentences[i + 1],
      });
    });
    sections.push(...read.sections);
  }
  return { sentences, sections };
}

/** Whether the sentence's word `i` is in a negation's scope, within its clause. */
export function negatedIn(s: ProposalSentence, i: number, negators: Concept): boolean {
  return negated(s.stems, i, negators, 8, s.clauses);
}

/** Whether some phrase of `c` occurs in the sentence outside a negation's scope. */
export function affirmed(s: ProposalSentence, c: Concept, negators: Concept): boolean {
  return findConcept(s.stems, c).some((i) => !negatedIn(s, i, negators));
}

/** Whether some phrase of `c` occurs in the sentence at all. */
export function mentions(s: ProposalSentence, c: Concept): boolean {
  return findConcept(s.stems, c).length > 0;
}

/** Whether a section title names one of the given headings (lower-case substrings). */
export function titled(section: string, names: readonly string[]): boolean {
  return names.some((n) => section.includes(n));
}
