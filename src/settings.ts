import { z } from "zod";

/** The log levels pino (and so Probot) accepts for `LOG_LEVEL`. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

function wholeNumber(what: string, example: string) {
  return z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, `expected ${what}, e.g. ${example}`)
    .transform(Number);
}

const milliseconds = (example: string) => wholeNumber("a whole number of milliseconds", example).refine((n) => n > 0, "expected at least 1 millisecond");

/** The environment settings finetune-review reads, each optional; unset means the documented default. */
export const settingsSchema = z.object({
  REVIEW_TIMEOUT_MS: milliseconds("300000 for 5 minutes").optional(),
  SHUTDOWN_GRACE_MS: milliseconds("25000 for 25 seconds").optional(),
  FINETUNE_REVIEW_SCAN_WORKERS: wholeNumber("a whole number of worker threads", "2 (0: the main thread alone; more than 16 counts as 16)").optional(),
  REVIEW_CONCURRENCY: wholeNumber("a whole number of reviews at once per replica", "2")
    .refine((n) => n > 0, "expected at least 1")
    .optional(),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL, e.g. redis://redis:6379")
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).optional(),
});

/** The validated environment settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Environment settings that do not validate: the message names each variable, its value and the form expected. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment: ${problems.join("; ")}`);
    this.name = "SettingsError";
  }
}

/**
 * Reads and validates the environment settings, once at start-up. Empty values count as unset
 * (as shells and `.env` files leave them). Throws a {@link SettingsError} naming every bad one.
 */
export function readSettings(env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  const given = Object.fromEntries(Object.keys(settingsSchema.shape).flatMap((k) => (env[k]?.trim() ? [[k, env[k]]] : [])));
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw new SettingsError(parsed.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(given[String(i.path[0])])}: ${i.message}`));
}
