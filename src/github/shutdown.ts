import type { Logger } from "probot";
import type { ReviewQueue } from "./review-queue.js";

/** How long SIGTERM waits for running reviews by default: inside Kubernetes' default 30 s grace period. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

let installed = false;

/**
 * On SIGTERM or SIGINT, stops taking jobs and waits for the running ones (at most `graceMs`; on Redis
 * the rest are handed back to other replicas), then exits. Installed once per process.
 */
export function drainOnSignal(queue: ReviewQueue, log: Logger, graceMs = DEFAULT_SHUTDOWN_GRACE_MS): void {
  if (installed) return;
  installed = true;
  let draining = false;
  const drain = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    log.info({ signal, running: queue.running, graceMs }, "stopping: waiting for running reviews");
    const hardStop = setTimeout(() => {
      log.error({ running: queue.running }, "could not stop in time; exiting");
      process.exit(1);
    }, graceMs + 4000);
    hardStop.unref();
    queue.close(graceMs).then(
      () => {
        if (queue.running > 0)
          log.error({ running: queue.running }, "grace period over with reviews still running; their checks stay in progress until re-run");
        else log.info("no review running; exiting");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: (error as Error).message }, "stopping the queue failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}
