import { buildInput, type Progress } from "./build-input.js";
import { CONFIG_PATH, loadRepoConfigChain, type ConfigResult, type ExtendsResolver } from "./config/load-config.js";
import { duplicateThresholdOf, invalidConfigFindings, scanLexiconOf } from "./rule-needs.js";
import { ruleList } from "./rules/registry.js";
import { capByRule, conclude, runRules } from "./run-rules.js";
import { datasetDiffs } from "./datasets/dataset-diff.js";
import { maskSecrets } from "./datasets/index.js";
import type { Finding, Review, ReviewInput, Source } from "./types.js";
import { applyWaivers, type HeadApprovals } from "./waivers/apply-waivers.js";
import { withFingerprints } from "./waivers/fingerprint.js";

/** What a review needs besides the Source. */
export interface ReviewRequest {
  source: Source;
  /** The PR description. */
  body?: string;
  /** Config text that replaces the base ref's `.github/finetune-review.yml` (the CLI's `--config FILE`). */
  configOverride?: { text: string; path: string };
  /** Notes the caller adds, e.g. GitHub's 3,000-file cap was hit. */
  notes?: string[];
  progress?: Progress;
  /**
   * Stops the review: it rejects with the signal's reason at the next dataset chunk it reads, while
   * a scan waits for its workers (they are stopped), or once the datasets are scanned. The App and
   * the Action abort a review at their timeout, so it stops using CPU.
   */
  signal?: AbortSignal;
  /** Reads configs named by `_extends` (the App reads other repositories; the CLI has none). */
  resolveExtends?: ExtendsResolver;
  /** false: no training estimate, and no text sample kept for it (the bench measures what the estimate costs). Default true. */
  estimate?: boolean;
  /** The repo config as `loadRepoConfig` already gave it (the App reads it first, for `on_error`): not read again. */
  config?: RepoConfigResult;
  /**
   * Who approved the PR's head, for waivers the change adds (the App). Absent (the CLI): only the
   * base branch's waivers apply, and a note says so when the change adds any.
   */
  approvals?: HeadApprovals;
  /** The review's day, for waiver expiry (default: now). */
  now?: Date;
}

/** What `loadRepoConfig` gives: the parsed config or its problems, with notes on what was followed. */
export type RepoConfigResult = ConfigResult & { notes?: string[] };

/** The near-duplicate threshold of the dataset diff when no rule declares one. */
const DEFAULT_DUPLICATE_THRESHOLD = 0.85;

/** A text as every output shows it: secret and PII values the scan lexicon knows are masked. */
function maskText(text: string): string {
  return maskSecrets(text, scanLexiconOf(ruleList));
}

function mask(finding: Finding): Finding {
  return {
    ...finding,
    message: maskText(finding.message),
    ...(finding.evidence && { evidence: finding.evidence.map(maskText) }),
  };
}

/** Reads the repo config from the base ref (never the head: a PR cannot weaken its own review), or the override. */
export async function loadRepoConfig(source: Source, override?: { text: string; path: string }, resolveExtends?: ExtendsResolver): Promise<RepoConfigResult> {
  const text = override?.text ?? (await source.readFile(source.base, CONFIG_PATH))?.toString("utf8") ?? null;
  return loadRepoConfigChain(text, { fileName: override?.path ?? CONFIG_PATH, resolveExtends });
}

/** A valid config edit in the change is said in a note (an invalid one is a `config-invalid` finding): it is not applied. */
function configEditNotes(change: ReviewInput["configChange"], override?: string): string[] {
  if (!change || change.problems.length > 0) return [];
  return [
    `This pull request changes ${change.path}; its new version is valid and applies once merged. This review used ${override ?? "the base branch's version"}.`,
  ];
}

/**
 * Reviews the change between the Source's base and head: reads the repo config from the base ref
 * (an invalid config is the only finding), detects artifacts, runs every rule and concludes.
 */
export async function review(req: ReviewRequest): Promise<Review> {
  const { source } = req;
  const configPath = req.configOverride?.path ?? CONFIG_PATH;
  const parsed = req.config ?? (await loadRepoConfig(source, req.configOverride, req.resolveExtends));
  if (!parsed.ok) {
    const findings = invalidConfigFindings(ruleList, configPath, parsed.problems);
    const where = req.configOverride ? "" : " (reviews read it from the base branch: a fix applies once merged)";
    const notes = [`The review did not run: ${configPath} does not validate; fix the keys named below${where}.`];
    return { base: source.base, head: source.head, conclusion: "failure", artifacts: [], findings, notes };
  }
  const input = await buildInput(source, parsed.config, ruleList, {
    body: req.body,
    notes: req.notes,
    progress: req.progress,
    signal: req.signal,
    now: req.now,
    estimate: req.estimate,
  });
  // Fingerprints are taken after masking, so a secret's value never goes into a hash a waiver quotes.
  // With waivers, findings are capped after they are applied: a waiver reaches a finding a cap would fold away.
  const waivers = input.waivers.entries.length > 0;
  const raw = withFingerprints(runRules(ruleList, input, { uncapped: waivers }).map(mask), input.datasets);
  const waived = await applyWaivers(raw, input.waivers, input.owners, req.approvals);
  const findings = waivers ? withFingerprints(capByRule(waived.findings, ruleList, input.config), input.datasets) : waived.findings;
  // The diff states the duplicate ratio the duplicates rule judges, at its threshold.
  const nearThreshold = duplicateThresholdOf(ruleList, input.config, DEFAULT_DUPLICATE_THRESHOLD);
  return {
    base: source.base,
    head: source.head,
    conclusion: conclude(findings, input.config.fail_on, input.config.existing),
    artifacts: input.artifacts,
    findings,
    // The Source may add notes while it is read (GitHub's file cap), so they are collected after.
    notes: [...(parsed.notes ?? []), ...input.notes, ...configEditNotes(input.configChange, req.configOverride?.path), ...waived.notes],
    labelHistory: input.labelSchemas
      .filter((l) => l.history.length > 1)
      .map((l) => ({
        path: l.path,
        points: [...l.history].reverse().map((v) => ({ date: v.date.toISOString(), sha: v.sha, count: v.labels.length })),
      })),
    settings: { comment: input.config.comment, on_error: input.config.on_error, existing: input.config.existing },
    datasets: datasetDiffs(input.datasets, nearThreshold, maskText),
    ...(input.estimate && { estimate: input.estimate }),
  };
}
