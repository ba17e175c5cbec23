import type { IncomingMessage, ServerResponse } from "node:http";

/** `GET /health` for load balancers and container probes: the process is up and serving. */
export function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if ((req.url ?? "").split("?")[0] !== "/health") return false;
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : '{"status":"ok"}');
  return true;
}
