#!/usr/bin/env node
// The long soak: the load suite with 500 webhooks (npm test runs a small version). Prints RSS before/after.
import { spawnSync } from "node:child_process";

const webhooks = process.env.LOAD_WEBHOOKS ?? "500";
const res = spawnSync(process.execPath, ["node_modules/jest/bin/jest.js", "test/reliability/load.test.ts", "--testTimeout", "1800000"], {
  stdio: "inherit",
  env: { ...process.env, LOAD_WEBHOOKS: webhooks, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim() },
});
process.exit(res.status ?? 1);
