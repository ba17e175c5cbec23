import type { ReviewInput } from "../types.js";
import { defineRule } from "./define-rule.js";
import { countOption } from "./rule-helpers.js";

const options = { max_tokens: countOption(1) };

/**
 * The sequence length that applies to a dataset: the smallest stated by a config that uses it
 * (changed, or unchanged and read as context), else by any changed config.
 */
function sequenceLimit(input: ReviewInput, path: string): { tokens: number; from: string } | null {
  const configs = [...input.artifacts, ...input.contextConfigs].filter((a) => a.config?.sequenceLength !== undefined);
  const using = configs.filter((a) => a.config!.datasetPaths.includes(path) || a.config!.evalPaths.includes(path));
  const pick = (using.length ? using : configs).sort((a, b) => a.config!.sequenceLength! - b.config!.sequenceLength!)[0];
  return pick ? { tokens: pick.config!.sequenceLength!, from: pick.path } : null;
}

export default defineRule({ id: "dataset-length", options }, (input, options) =>
  input.datasets.flatMap((scan) => {
    const limit = sequenceLimit(input, scan.path) ?? { tokens: options.max_tokens, from: "the rule's max_tokens" };
    const long = scan.longest
      .filter((r) => r.tokens > limit.tokens)
      .sort((a, b) => a.line - b.line)
      .map((r) => ({
        path: scan.path,
        line: r.line,
        endLine: r.line,
        message: `Line ${r.line} is about ${r.tokens} tokens, longer than the sequence length ${limit.tokens} (${limit.from}); it will be truncated in training.`,
      }));
    const empty = scan.emptyTargets.map((line) => ({
      path: scan.path,
      line,
      endLine: line,
      message: `Line ${line} has an empty target (or a placeholder such as "N/A" or "<No Output>"): the model would learn to answer with nothing.`,
    }));
    return [...long, ...empty].sort((a, b) => a.line - b.line);
  }),
);
