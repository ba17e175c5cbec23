/**
 * Path-based detection: the repo config's `paths` globs, the deny list, and the default globs for
 * each artifact kind (used second, after content).
 */
import { posix } from "node:path";
import type { RepoConfig } from "../config/schema.js";
import type { ArtifactKind } from "../types.js";
import { frameworkByPath, globMatcher } from "./frameworks.js";
import { signatures } from "./signatures.js";

/** The kind the repo config's `paths` globs give a file (ignore excluded), if any; eval wins over datasets. */
export function configuredKind(path: string, paths: RepoConfig["paths"]): ArtifactKind | "eval" | undefined {
  if (globMatcher(paths.eval)(path)) return "eval";
  if (globMatcher(paths.labels)(path)) return "label-schema";
  if (globMatcher(paths.proposals)(path)) return "proposal";
  if (globMatcher(paths.configs)(path)) return "training-config";
  if (globMatcher(paths.datasets)(path)) return "dataset";
  return undefined;
}

/** Non-ML files (CI, compose, manifests, linters, Helm, ...). */
export function isDenied(path: string): boolean {
  return globMatcher(signatures.deny)(path);
}

/** Lower-case extension without the dot. */
export function extensionOf(path: string): string {
  const ext = posix.extname(path);
  return ext.startsWith(".") ? ext.slice(1).toLowerCase() : "";
}

/** Whether a dataset on this path is an eval dataset by the default globs. */
export function isEvalDatasetPath(path: string): boolean {
  return globMatcher(signatures.paths.eval_dataset)(path);
}

/** A label list file by name (`labels.yaml`, `label_map.json`, `classes.txt`, ...). */
export function isLabelPath(path: string): boolean {
  return globMatcher(signatures.labels.paths)(path);
}

/** A Rasa domain file by name. */
export function isRasaDomainPath(path: string): boolean {
  return globMatcher(signatures.rasa.domain_paths)(path);
}

/** A proposal by the default globs. */
export function isProposalPath(path: string): boolean {
  return globMatcher(signatures.paths.proposal)(path);
}

/** An eval suite by the default globs. */
export function isEvalSuitePath(path: string): boolean {
  return globMatcher(signatures.paths.eval_suite)(path);
}

/**
 * Dataset kind for a data file whose records were not recognised (or not read): data files under
 * data folders, and line-oriented data files with an eval-like name.
 */
export function dataPathKind(path: string): "dataset" | "eval-dataset" | undefined {
  const ext = extensionOf(path);
  if (!signatures.paths.data_extensions.includes(ext)) return undefined;
  const underDataFolder = globMatcher(signatures.paths.dataset)(path);
  const evalPath = isEvalDatasetPath(path);
  if (underDataFolder || (evalPath && signatures.paths.eval_dataset_by_name_extensions.includes(ext))) {
    return evalPath ? "eval-dataset" : "dataset";
  }
  return undefined;
}

/** What a path alone says, for content that was not read. */
export function detectByPath(path: string, configured: ArtifactKind | "eval" | undefined): { kind: ArtifactKind; format: string } | null {
  const ext = extensionOf(path);
  if (configured === "eval") {
    const isData = signatures.paths.data_extensions.includes(ext);
    return { kind: isData ? "eval-dataset" : "eval-suite", format: "unknown" };
  }
  if (configured === "proposal") return { kind: "proposal", format: proseFormat(ext) };
  if (configured === "label-schema") return { kind: "label-schema", format: "label-list" };
  if (configured === "training-config") return { kind: "training-config", format: frameworkByPath(path)?.name ?? "unknown" };
  if (configured === "dataset") return { kind: isEvalDatasetPath(path) ? "eval-dataset" : "dataset", format: "unknown" };
  const fw = frameworkByPath(path);
  if (fw) return { kind: fw.kind, format: fw.name };
  if (isProposalPath(path)) return { kind: "proposal", format: proseFormat(ext) };
  if (isLabelPath(path)) return { kind: "label-schema", format: "label-list" };
  const data = dataPathKind(path);
  if (data) return { kind: data, format: "unknown" };
  if (isEvalSuitePath(path)) return { kind: "eval-suite", format: "unknown" };
  return null;
}

/** `markdown` for Markdown files, else `text`. */
export function proseFormat(ext: string): string {
  return ext === "md" || ext === "markdown" || ext === "mdx" ? "markdown" : "text";
}
