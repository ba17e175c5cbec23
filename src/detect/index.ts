/** Detection: which changed files are fine-tuning artifacts, of which kind and format. */
export { detectFile, needsContent, type DetectContext, type Detection } from "./detect-file.js";
export { classifyContent, isLfsPointer, type ContentClass } from "./classify-content.js";
export { decodeText } from "../text.js";
export { changesFineTuning, proposesFineTuning } from "./change-kind.js";
export { localPath } from "./frameworks.js";
export { signatures, parseSignatures, loadSignatures, type DetectionSignatures } from "./signatures.js";
export { entryFor, mappedFormat, readRegistryEntries, registryFileName, registryFromText, type RegistryEntry, type RegistryRead } from "./registry-entries.js";
