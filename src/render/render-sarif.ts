/**
 * SARIF 2.1.0 output for code scanning: one run, one rule per RuleMeta, one result per finding.
 */
import type { PatternNumber, Review, RuleMeta, Severity } from "../types.js";
import { findingFingerprint } from "../waivers/fingerprint.js";
import { PATTERN_NAMES } from "./patterns.js";

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  /** The tool's version, e.g. the package version. */
  toolVersion?: string;
  /** Where users read about the tool. */
  informationUri?: string;
}

/** A SARIF `level`. */
export type SarifLevel = "error" | "warning" | "note";

/** A SARIF reporting descriptor (the subset written here). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { pattern: PatternNumber; patternName: string; tags: string[] };
}

/** A SARIF result (the subset written here). */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  /** Always one: GitHub code scanning rejects an upload with a result that has none. */
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; endLine?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  /** `new` when this change introduced the finding, `unchanged` when it was already on the base branch. */
  baselineState: "new" | "unchanged";
  /** Present when a waiver accepted the finding, with its reason, approver and expiry as the justification. */
  suppressions?: { kind: "external"; status: "accepted"; justification: string }[];
}

/** A SARIF log with a single run. */
export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: {
    tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

const LEVELS: Record<Severity, SarifLevel> = { error: "error", warning: "warning", notice: "note" };

/** The key of our fingerprint in `partialFingerprints`; bump the suffix if the hash input changes. */
export const FINGERPRINT_KEY = "finetuneReview/v2";

/** `dataset-format` -> `DatasetFormat`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** A relative, forward-slash URI reference for a repository path. */
export function toSarifUri(path: string): string {
  const relative = path.replace(/\\/g, "/").replace(/^(?:\.\/|\/)+/, "");
  return encodeURI(relative).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function toRule(meta: Pick<RuleMeta, "id" | "title" | "pattern" | "severity" | "checks" | "rationale" | "remediation">): SarifRule {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    // Code scanning shows help.markdown in its rule panel; text stays the plain remediation.
    help: {
      text: meta.remediation,
      markdown: `${meta.checks}\n\n**Why:** ${meta.rationale}\n\n**Fix:** ${meta.remediation}`,
    },
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { pattern: meta.pattern, patternName: PATTERN_NAMES[meta.pattern] ?? "", tags: ["fine-tuning"] },
  };
}

/** The repo config's path: where a finding about a pull request without any artifact is shown. */
const CONFIG_ANCHOR = ".github/finetune-review.yml";

/**
 * The file a finding without a path is shown at: code scanning rejects a result without a location,
 * and with it the whole upload. The proposal file when the change has one, else its training
 * config, else the first artifact it keeps; the repo config when it has none.
 */
export function sarifAnchor(review: Review): string {
  const kept = review.artifacts.filter((a) => a.status !== "removed");
  return (kept.find((a) => a.kind === "proposal") ?? kept.find((a) => a.kind === "training-config") ?? kept[0])?.path ?? CONFIG_ANCHOR;
}

/** Builds the SARIF log of a review. Findings of rules missing from `rules` get a descriptor of their own. */
export function toSarifLog(review: Review, rules: readonly RuleMeta[], opts: SarifOptions = {}): SarifLog {
  const descriptors = rules.map(toRule);
  const index = new Map(descriptors.map((r, i) => [r.id, i]));
  const anchor = sarifAnchor(review);
  const results = review.findings.map((f): SarifResult => {
    let ruleIndex = index.get(f.ruleId);
    if (ruleIndex === undefined) {
      // Keeps ruleIndex valid for findings the engine makes itself (e.g. a failed review).
      ruleIndex = descriptors.push(toRule({ ...f, id: f.ruleId, checks: f.title, rationale: f.title, remediation: f.remediation ?? f.title })) - 1;
      index.set(f.ruleId, ruleIndex);
    }
    const physicalLocation: SarifResult["locations"][number]["physicalLocation"] = {
      artifactLocation: { uri: toSarifUri(f.path ?? anchor) },
    };
    if (f.path === undefined) physicalLocation.region = { startLine: 1 };
    else if (f.line !== undefined && f.line >= 1) {
      physicalLocation.region = { startLine: f.line };
      if (f.endLine !== undefined && f.endLine >= f.line) physicalLocation.region.endLine = f.endLine;
    }
    const about = f.path === undefined ? ` (This is about the pull request as a whole; it is shown at ${anchor}.)` : "";
    const result: SarifResult = {
      ruleId: f.ruleId,
      ruleIndex,
      level: LEVELS[f.severity],
      message: { text: `${f.message}${f.remediation ? ` Fix: ${f.remediation}` : ""}${about}` },
      locations: [{ physicalLocation }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint ?? findingFingerprint(f) },
      baselineState: f.introduced === false ? "unchanged" : "new",
    };
    if (f.waived) {
      result.suppressions = [
        { kind: "external", status: "accepted", justification: `${f.waived.reason} (approved by ${f.waived.approved_by}, expires ${f.waived.expires})` },
      ];
    }
    return result;
  });

  const driver: SarifLog["runs"][number]["tool"]["driver"] = {
    name: "finetune-review",
    ...(opts.toolVersion !== undefined ? { version: opts.toolVersion } : {}),
    ...(opts.informationUri !== undefined ? { informationUri: opts.informationUri } : {}),
    rules: descriptors,
  };
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver }, results }],
  };
}

/** Renders a review as SARIF 2.1.0, 2-space indented, with a trailing newline. */
export function renderSarif(review: Review, rules: readonly RuleMeta[], opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarifLog(review, rules, opts), null, 2)}\n`;
}
