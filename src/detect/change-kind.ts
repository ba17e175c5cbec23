import type { Artifact } from "../types.js";

/**
 * Whether the change touches fine-tuning at all beyond infrastructure (accelerate, DeepSpeed):
 * a change of only those gets the ownership rule alone, and no repo-wide label files are tracked.
 */
export function changesFineTuning(artifacts: readonly Artifact[]): boolean {
  return artifacts.some((a) => !a.config?.infrastructure);
}

/** Whether the change proposes a run: a proposal file, or a training config that trains (not infrastructure, not a dataset registry). */
export function proposesFineTuning(artifacts: readonly Artifact[]): boolean {
  return artifacts.some(
    (a) => a.status !== "removed" && (a.kind === "proposal" || (a.kind === "training-config" && !a.config?.infrastructure && !a.config?.registry)),
  );
}
