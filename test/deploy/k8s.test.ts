/**
 * The Kubernetes example without kubectl: parse the manifests and check them against the app — the
 * probes hit a path the real server answers, the ports agree with PORT and the Dockerfile, the env
 * is what the server reads, and the credentials come from the Secret the example defines.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { startAppServer, type AppServer } from "../helpers/app-server.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

interface Probe {
  httpGet: { path: string; port: string | number };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  readinessProbe: Probe;
  livenessProbe: Probe;
  securityContext: Record<string, unknown>;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, any>;
  stringData?: Record<string, string>;
}

function manifests(path: string): Manifest[] {
  return parseAllDocuments(read(path)).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Manifest;
  });
}

const docs = manifests("deploy/kubernetes/finetune-review.yaml");
const [secret] = manifests("deploy/kubernetes/secret.example.yaml");
const byKind = (kind: string) => docs.find((d) => d.kind === kind)!;
const deployment = byKind("Deployment");
const service = byKind("Service");
const pod = deployment.spec.template as { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext: { runAsUser: number; runAsNonRoot: boolean } } };
const container = pod.spec.containers[0]!;
const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => pod.metadata.labels[k] === v);

/** Every variable the server reads (Probot's and the app's own), as the README documents them. */
const SERVER_ENV = new Set(["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH", "WEBHOOK_SECRET", "PORT", "HOST", "GHE_HOST", "GHE_PROTOCOL", "LOG_LEVEL", "REVIEW_TIMEOUT_MS", "NODE_ENV", "REDIS_URL", "REVIEW_CONCURRENCY", "SHUTDOWN_GRACE_MS"]);
const CREDENTIALS = ["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET"];

let server: AppServer | undefined;
afterAll(async () => server?.stop());

describe("deploy/kubernetes", () => {
  it("has a Deployment of 2 replicas, a Service and a PodDisruptionBudget, with stable API versions", () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}`)).toEqual(["apps/v1 Deployment", "v1 Service", "policy/v1 PodDisruptionBudget"]);
    expect(deployment.spec.replicas).toBe(2);
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
    expect(matches(service.spec.selector)).toBe(true);
    expect(matches(byKind("PodDisruptionBudget").spec.selector.matchLabels)).toBe(true);
    expect(byKind("PodDisruptionBudget").spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it("ports agree: containerPort = PORT = the Dockerfile's EXPOSE, and the Service targets the named port", () => {
    const [port] = container.ports;
    const portEnv = container.env.find((e) => e.name === "PORT")?.value;
    const exposed = /^EXPOSE\s+(\d+)/m.exec(read("Dockerfile"))?.[1];
    expect(port).toEqual({ name: "http", containerPort: 3000 });
    expect(portEnv).toBe(String(port!.containerPort));
    expect(exposed).toBe(String(port!.containerPort));
    expect(service.spec.ports).toEqual([expect.objectContaining({ targetPort: port!.name })]);
    for (const probe of [container.readinessProbe, container.livenessProbe]) expect([port!.name, port!.containerPort]).toContain(probe.httpGet.port);
  });

  it("sets only variables the server reads, and takes the credentials from the example Secret's keys", () => {
    for (const e of container.env) expect(SERVER_ENV).toContain(e.name);
    for (const name of CREDENTIALS) {
      const v = container.env.find((e) => e.name === name);
      expect(v).toEqual({ name, valueFrom: { secretKeyRef: { name: secret!.metadata.name, key: name } } });
      expect(Object.keys(secret!.stringData!)).toContain(name);
    }
    expect(secret).toMatchObject({ apiVersion: "v1", kind: "Secret" });
  });

  it("runs as the image's non-root user with a read-only root filesystem, and tags the image with the package version", () => {
    expect(read("Dockerfile")).toMatch(/^USER node$/m); // uid 1000 in the node images
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    const { version } = JSON.parse(read("package.json")) as { version: string };
    expect(container.image.endsWith(`:${version}`)).toBe(true);
  });

  it("both probes get 200 from the real server started with the manifest's plain env", async () => {
    const plain = Object.fromEntries(container.env.filter((e) => e.value !== undefined && e.name !== "PORT").map((e) => [e.name, e.value!]));
    server = await startAppServer("127.0.0.1:9", plain);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.timeoutSeconds).toBeGreaterThan(0);
      const res = await fetch(`${server.url}${probe.httpGet.path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    }
  });
});
