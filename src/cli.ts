import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { OUTPUT_FORMATS, isOutputFormat, renderReview } from "./render/index.js";
import { review } from "./review.js";
import { ruleMetas } from "./rules/registry.js";
import { runInit } from "./init.js";
import { LocalGitSource } from "./sources/local-git.js";
import { readSettings, SettingsError } from "./settings.js";
import { UsageError } from "./sources/usage-error.js";

const USAGE = `Usage: finetune-review review [--repo DIR] --base REF [--head REF] [--body-file FILE]
                              [--format text|markdown|json|sarif] [--config FILE]

       finetune-review init [--repo DIR] [--force]

review: reviews the fine-tuning artifacts changed between two refs of a git repository.
init: writes a fine-tuning PR template and a starter .github/finetune-review.yml (existing files are kept
      unless --force).
Exit codes: 0 success or neutral, 1 failure, 2 usage error.`;

/** `init`: writes the template and starter config, one line per file; existing files are kept unless --force. */
async function initCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { repo: { type: "string", default: "." }, force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals.slice(1).join(" ")}' after init`);
  let outcomes;
  try {
    outcomes = await runInit(values.repo, { force: values.force });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    err.write(`finetune-review: init failed: ${(error as Error).message.split("\n")[0]}\n`);
    return 1;
  }
  for (const o of outcomes) {
    if (o.action === "kept") err.write(`finetune-review: kept ${o.path}: it exists (--force overwrites it)\n`);
    else out.write(`${o.action} ${o.path}\n`);
  }
  return 0;
}

/** Why a file named by a flag cannot be read, in words (the errno code alone says little). */
const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
};

async function readArgFile(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const words = code === undefined ? undefined : READ_ERRORS[code];
    throw new UsageError(`cannot read ${flag} ${path}: ${words ? `${words} (${code})` : (code ?? (error as Error).message)}`);
  }
}

/** node:util's parseArgs error as one line of ours: its first sentence, and where the flags are listed. */
function argsMessage(message: string): string {
  const first = message.split("\n")[0]!.split(/\.\s/)[0]!.replace(/\.$/, "");
  return `${first.charAt(0).toLowerCase()}${first.slice(1)} (finetune-review --help lists the flags)`;
}

/** Parses flags, runs the review, prints it; resolves to the exit code. Thin by design: all logic is in review(). */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    readSettings();
    if (argv[0] === "init") return await initCommand(argv, out, err);
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        repo: { type: "string", default: "." },
        base: { type: "string" },
        head: { type: "string" },
        "body-file": { type: "string" },
        format: { type: "string", default: "text" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals[0] !== "review") {
      throw new UsageError(positionals.length ? `unknown command '${positionals[0]}' (expected 'review' or 'init')` : "missing command 'review' or 'init'");
    }
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals.slice(1).join(" ")}' after review`);
    if (!values.base) throw new UsageError("missing --base REF");
    const format = values.format;
    if (!isOutputFormat(format)) throw new UsageError(`unknown --format '${format}' (use ${OUTPUT_FORMATS.join(", ")})`);
    const body = values["body-file"] ? await readArgFile("--body-file", values["body-file"]) : undefined;
    const configOverride = values.config ? { text: await readArgFile("--config", values.config), path: values.config } : undefined;
    const source = await LocalGitSource.open(values.repo, values.base, values.head);
    const progress = (err as NodeJS.WriteStream).isTTY ? (m: string) => err.write(`\r\x1b[2K${m}`) : undefined;
    const result = await review({ source, body, configOverride, progress });
    if (progress) err.write("\r\x1b[2K");
    const color = format === "text" && (out as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
    out.write(renderReview(format, result, ruleMetas, { text: { color } }));
    return result.conclusion === "failure" ? 1 : 0;
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code?.startsWith("ERR_PARSE_ARGS")) {
      err.write(`finetune-review: ${argsMessage(e.message)}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof SettingsError) {
      err.write(`finetune-review: ${e.message.split("\n")[0]}\n`);
      return 2;
    }
    err.write(`finetune-review: the review failed: ${e.message.split("\n")[0]}\n`);
    return 1;
  }
}
