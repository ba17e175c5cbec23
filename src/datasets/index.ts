/** The dataset readers and per-record checks shared by the dataset rules. */
export { scanDataset, estimateTokens, recordKey, type ScanDatasetInput } from "./scan-dataset.js";
export { parseLabels, type ParsedLabels } from "./labels.js";
export { nearDuplicatePairs, exampleDuplicates, crossMatches, minhashSignature, estimateJaccard, MINHASH_PERMUTATIONS } from "./minhash.js";
export { normalizeText, hashText } from "./normalize.js";
export {
  compileLexicon,
  findSensitive,
  findBusinessRule,
  luhnValid,
  maskSecrets,
  maskValue,
  type CompiledLexicon,
  type ScanLexicon,
  type SensitivePattern,
} from "./sensitive.js";
export { DATASET_FORMATS, isDatasetFormat, type DatasetFormat } from "./formats.js";
