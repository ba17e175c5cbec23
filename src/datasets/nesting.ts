/** How deeply one record may nest: real records nest a few levels, hostile ones thousands. */

/** Deepest nesting of arrays and objects a record may have (the record itself is level 1). */
export const MAX_RECORD_DEPTH = 100;

/**
 * True when `value` nests arrays/objects more than `limit` levels deep. Stops at the limit, so
 * its own recursion is bounded whatever the record (JSON.parse accepts far deeper values).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (typeof child === "object" && child !== null && nestsDeeperThan(child, limit - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (typeof child === "object" && child !== null && nestsDeeperThan(child, limit - 1)) return true;
  }
  return false;
}
