import type { Logger } from "probot";
import type { PullQueue } from "./pr-queue.js";

/** How long SIGTERM waits for running reviews by default: inside Kubernetes' default 30 s grace period. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

let installed = false;

/**
 * On SIGTERM or SIGINT, waits until no review runs (at most `graceMs`), then exits. Without it the
 * process died at once and left every running check `in_progress` for good. Installed once per process.
 */
export function drainOnSignal(queue: PullQueue, log: Logger, graceMs = DEFAULT_SHUTDOWN_GRACE_MS): void {
  if (installed) return;
  installed = true;
  let draining = false;
  const drain = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const deadline = Date.now() + graceMs;
    log.info({ signal, running: queue.active, graceMs }, "stopping: waiting for running reviews");
    const poll = setInterval(() => {
      if (queue.active > 0 && Date.now() < deadline) return;
      clearInterval(poll);
      if (queue.active > 0) log.error({ running: queue.active }, "grace period over with reviews still running; their checks stay in progress until re-run");
      else log.info("no review running; exiting");
      process.exit(0);
    }, 100);
  };
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}
