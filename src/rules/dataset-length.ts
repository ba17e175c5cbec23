import type { ReviewInput } from "../types.js";
import { providerExampleLimit } from "../estimate/provider-limits.js";
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
  if (pick) return { tokens: pick.config!.sequenceLength!, from: pick.path };
  // An OpenAI job states no sequence length: the provider's documented per-example limit applies.
  const jobs = [...input.artifacts, ...input.contextConfigs].filter((a) => a.config?.framework === "openai" && a.config.model !== undefined);
  const job = jobs.find((a) => a.config!.datasetPaths.includes(path) || a.config!.evalPaths.includes(path)) ?? jobs[0];
  const provider = providerExampleLimit(job?.config!.model);
  return provider ? { tokens: provider.tokens, from: `OpenAI's per-example limit for ${provider.model}, the model ${job!.path} fine-tunes` } : null;
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
        message: `Line ${r.line} is ${scan.longestTokenizer ? `${r.tokens} tokens (counted with ${scan.longestTokenizer})` : `about ${r.tokens} tokens (estimated at 4 characters a token)`}, longer than the sequence length ${limit.tokens} (${limit.from}); it will be truncated in training.`,
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
