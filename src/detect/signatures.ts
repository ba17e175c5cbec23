/**
 * Loads and validates `rules/detection.yml`: framework signatures, dataset formats, label and Rasa
 * signatures, default path globs and the deny list of non-ML files.
 */
import { join } from "node:path";
import { z } from "zod";
import { rulesDataDir } from "../paths.js";
import { readRulesYaml } from "../rules-data.js";
import { regexSource } from "../regex-source.js";

const keys = z.array(z.string().min(1)).default([]);
const globs = z.array(z.string().min(1)).default([]);
const regex = regexSource;

const keyCount = z.strictObject({
  all: keys,
  any: keys,
  min_any: z.number().int().min(1).default(1),
});

const clauseSchema = z
  .strictObject({
    all: keys,
    any: keys,
    min_any: z.number().int().min(1).default(1),
    none: keys,
    deep_keys: keys,
    each_value: keyCount.optional(),
    paths: globs,
    file_types: z.array(z.enum(["yaml", "json"])).optional(),
  })
  .refine(
    (c) => c.all.length + c.any.length + c.deep_keys.length + c.paths.length > 0 || c.each_value !== undefined,
    "a clause needs at least one of all, any, deep_keys, each_value or paths",
  );

const adapterSchema = z.strictObject({
  /** The first of these keys that exists decides. */
  keys: keys,
  /** Regex on the value (stringified): matches → adapter. */
  adapter: regex.optional(),
  /** Regex on the value: matches → full fine-tune; without it, any other value is a full fine-tune. */
  full: regex.optional(),
  /** When none of the keys exists. */
  absent: z.boolean().nullable().default(null),
  /** A file in the same folder whose presence means an adapter run (PEFT method comparison). */
  sibling: z.string().min(1).optional(),
  /** Paths the sibling rule applies to. */
  sibling_paths: globs,
});

const evalTestSchema = z.strictObject({
  key: z.string().min(1),
  test: z.enum(["present", "truthy", "positive", "nonzero", "not-no"]),
});

const hubKeys = z.array(z.string().min(1)).default([]);
const resolveSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("llamafactory-dataset-names"),
    train_key: z.string(),
    eval_key: z.string(),
    dir_key: z.string(),
    default_dir: z.string(),
    registry_file: z.string(),
    file_key: z.string(),
    hub_keys: hubKeys,
    /** The entry key that names a Hub dataset, and the one beside it that states its revision. */
    hub_id_key: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("llamafactory-dataset-info-entries"), file_key: z.string(), hub_keys: hubKeys }),
  z.strictObject({ kind: z.literal("llamafactory-v1-registry-entries"), path_key: z.string() }),
  z.strictObject({ kind: z.literal("llamafactory-v1-registry-file"), train_key: z.string(), eval_key: z.string() }),
  z.strictObject({
    kind: z.literal("mlx-data-dir"),
    data_key: z.string(),
    train_file: z.string(),
    eval_file: z.string(),
  }),
]);

const hubRefSchema = z.strictObject({
  /** Key path of the value that names the id (`base_model`, `datasets[].path`, `*.hf_hub_url`). */
  key: z.string().min(1),
  kind: z.enum(["model", "dataset"]),
  /** The ids are the keys of the mapping at `key` (alignment-handbook `dataset_mixer`), not its values. */
  map_keys: z.boolean().default(false),
  /** A key beside the id's key that states its revision, when present. */
  revision: z.string().min(1).optional(),
  /** The key beside it that the framework reads to pin the revision; absent when there is none. */
  pin: z.string().min(1).optional(),
});

const factsSchema = z.strictObject({
  adapter: adapterSchema.optional(),
  eval: z.array(evalTestSchema).default([]),
  datasets: keys,
  eval_datasets: keys,
  sequence_length: keys,
  /** Keys that may name a Hugging Face Hub model or dataset. */
  hub_refs: z.array(hubRefSchema).default([]),
  /** Keys naming the base model (string values only); a framework without its own list uses `generic_facts`'. */
  model: keys,
  /** Keys stating the training epochs; a framework without its own list uses `generic_facts`'. */
  epochs: keys,
  resolve: resolveSchema.optional(),
});

const frameworkSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.enum(["training-config", "eval-suite"]).default("training-config"),
  infrastructure: z.boolean().default(false),
  /** Globs that identify the framework by path alone (content unreadable). */
  paths: globs,
  match: z.array(clauseSchema).min(1),
  facts: factsSchema.prefault({}),
});

const valueType = z.enum(["array", "string", "object", "scalar", "any"]);
const datasetFormatSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  weak: z.boolean().default(false),
  match: z.array(z.record(z.string(), valueType).refine((r) => Object.keys(r).length > 0, "empty alternative")).min(1),
});

/** The shape of `rules/detection.yml`. */
export const detectionSignaturesSchema = z.strictObject({
  frameworks: z.array(frameworkSchema).min(1),
  generic_facts: factsSchema,
  dataset_formats: z.array(datasetFormatSchema).min(1),
  rasa: z.strictObject({
    nlu_key: z.string(),
    nlu_entry_keys: keys,
    nlu_md_header: regex,
    domain_key: z.string(),
    domain_companion_keys: keys,
    domain_paths: globs,
  }),
  labels: z.strictObject({ paths: globs, csv_first_columns: keys }),
  paths: z.strictObject({
    proposal: globs,
    eval_suite: globs,
    data_extensions: keys,
    dataset: globs,
    eval_dataset: globs,
    eval_dataset_by_name_extensions: keys,
  }),
  deny: globs,
});

/** Validated detection signatures. */
export type DetectionSignatures = z.infer<typeof detectionSignaturesSchema>;
/** One framework signature with the facts it knows how to read. */
export type FrameworkSignature = DetectionSignatures["frameworks"][number];
/** One match clause of a framework signature. */
export type MatchClause = FrameworkSignature["match"][number];
/** How to read config facts for a framework. */
export type FactsSpec = z.infer<typeof factsSchema>;
/** One key that may name a Hugging Face Hub model or dataset. */
export type HubRefSpec = FactsSpec["hub_refs"][number];
/** One dataset record format. */
export type DatasetFormatSignature = DetectionSignatures["dataset_formats"][number];

/**
 * Validates parsed detection data. Throws naming `source` and the key path of the first problem
 * (e.g. `rules/detection.yml: frameworks.3.match.0.min_any: ...`).
 */
export function parseSignatures(data: unknown, source = "rules/detection.yml"): DetectionSignatures {
  const parsed = detectionSignaturesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Reads and validates `rules/detection.yml`. */
export function loadSignatures(file = join(rulesDataDir, "detection.yml")): DetectionSignatures {
  return parseSignatures(readRulesYaml(file), file);
}

/** The detection signatures, loaded once at module load. */
export const signatures: DetectionSignatures = loadSignatures();
