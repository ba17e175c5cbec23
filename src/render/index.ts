/**
 * Renderers of a Review: pure functions from a review to text, markdown, JSON or SARIF.
 */
import type { Review, RuleMeta } from "../types.js";
import { renderJson } from "./render-json.js";
import { renderMarkdown, type MarkdownOptions } from "./render-markdown.js";
import { renderSarif, type SarifOptions } from "./render-sarif.js";
import { renderText, type TextOptions } from "./render-text.js";

export { PATTERN_NAMES, PATTERN_ORDER, patternHeading } from "./patterns.js";
export { renderJson, toJsonReview, type JsonArtifact, type JsonFinding, type JsonReview } from "./render-json.js";
export { GITHUB_MARKDOWN_LIMIT, escapeMarkdown, renderMarkdown, truncateMarkdown, type MarkdownOptions } from "./render-markdown.js";
export { FINGERPRINT_KEY, renderSarif, toSarifLog, type SarifLog, type SarifOptions } from "./render-sarif.js";
export { renderText, type TextOptions } from "./render-text.js";
export { annotatedFindings, splitByIntroduced } from "./summary.js";

/** The CLI's `--format` values. */
export type OutputFormat = "text" | "markdown" | "json" | "sarif";

/** Every output format, e.g. for validating a flag. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "markdown", "json", "sarif"];

/** True when `value` names an output format. */
export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Per-format options of {@link renderReview}; each renderer reads only its own. */
export interface RenderOptions {
  text?: TextOptions;
  markdown?: MarkdownOptions;
  sarif?: SarifOptions;
}

/** Renders a review in the given format (`rules` is used by SARIF for its rule descriptors). */
export function renderReview(format: OutputFormat, review: Review, rules: readonly RuleMeta[], opts: RenderOptions = {}): string {
  switch (format) {
    case "text":
      return renderText(review, opts.text);
    case "markdown":
      return renderMarkdown(review, opts.markdown);
    case "json":
      return renderJson(review);
    case "sarif":
      return renderSarif(review, rules, opts.sarif);
  }
}
