/** Shared helpers for the detection tests: the corpus location, its manifests and a detect context. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DetectContext } from "../../src/detect/index.js";

import { fixtureContext } from "../fixtures/fixture-files.js";
import { requireCorpusDir } from "./corpus-dir.js";

/** The corpus folder (its absence fails the suite with where it looked). */
export const corpusDir = requireCorpusDir();

/** The rows of a MANIFEST.tsv as objects keyed by its header. */
export function readManifest(folder: string): Record<string, string>[] {
  const text = readFileSync(path.join(corpusDir, folder, "MANIFEST.tsv"), "utf8");
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const cols = (header ?? "").split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""]));
  });
}

/** Bytes of a corpus file by its manifest `local_file`. */
export function corpusFile(localFile: string): Buffer {
  return readFileSync(path.join(corpusDir, localFile));
}

/** A context whose readFile serves the given repo paths from corpus files (everything else is missing). */
export function contextWith(files: Record<string, string> = {}, paths: Partial<DetectContext["paths"]> = {}): DetectContext {
  return fixtureContext(files, paths, corpusFile);
}
