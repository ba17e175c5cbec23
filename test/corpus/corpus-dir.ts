/**
 * Where the corpus tier finds the real third-party corpus: `$FINETUNE_REVIEW_CORPUS` when set, else
 * `../shared/corpus` beside the repository root. Resolved from this file, never from the working
 * directory, so the tier behaves the same whichever folder jest is started from.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (two folders up from test/corpus/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The environment variable that overrides the corpus location. */
export const CORPUS_ENV = "FINETUNE_REVIEW_CORPUS";

/** The corpus folder this run uses (it may not exist: see {@link missingCorpusMessage}). */
export function resolveCorpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[CORPUS_ENV];
  return override && override.trim() !== "" ? path.resolve(repoRoot, override) : path.resolve(repoRoot, "../shared/corpus");
}

/** Why the corpus tier cannot run, or null when the folder holds the corpus's three manifests. */
export function missingCorpusMessage(dir: string): string | null {
  const missing = ["configs", "datasets", "negatives"].filter((f) => !existsSync(path.join(dir, f, "MANIFEST.tsv")));
  if (missing.length === 0) return null;
  return (
    `The corpus tier needs the real corpus, but ${dir} has no ${missing.map((f) => `${f}/MANIFEST.tsv`).join(", ")}. ` +
    `Place the corpus at ../shared/corpus beside the repository, or set ${CORPUS_ENV}=/path/to/corpus ` +
    `(relative paths are taken from the repository root). The default tier (npm test) does not need it.`
  );
}

/**
 * The corpus folder, checked: throws the message above when it is absent, so the tier never passes
 * silently (also when one corpus suite is run on its own, without the tier's global setup).
 */
export function requireCorpusDir(): string {
  const dir = resolveCorpusDir();
  const problem = missingCorpusMessage(dir);
  if (problem) throw new Error(problem);
  return dir;
}

/** The corpus tier's jest globalSetup: one clear error, before any suite runs, when the corpus is absent. */
export default function checkCorpus(): void {
  requireCorpusDir();
}
