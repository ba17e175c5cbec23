/** The training estimate (tokens, epochs, cost) and the tokenizers and limits it uses. */
export {
  estimateTraining,
  estimateConfig,
  countLongest,
  datasetTokens,
  priceFor,
  recordTokens,
  type EstimateConfig,
  type EstimateInput,
} from "./estimate-training.js";
export { tokenizerFor, loadTokenizer, openaiModelId, type Tokenizer, type TokenizerName } from "./tokenizer-for.js";
export { providerExampleLimit } from "./provider-limits.js";
