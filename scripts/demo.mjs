// npm run demo: builds a small example repository with a real fine-tuning proposal in a temp
// folder, then reviews it with the CLI exactly as a user would. Nothing to configure.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = mkdtempSync(join(tmpdir(), "finetune-review-demo-"));
const git = (args, date) =>
  execFileSync("git", args, {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1" },
    stdio: "pipe",
  });
const write = (files) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
};
const commit = (message, date) => {
  git(["add", "-A"], date);
  git(["commit", "-q", "-m", message], date);
};

git(["init", "-q", "-b", "main"], "2026-01-01T09:00:00Z");
git(["config", "user.email", "demo@example.com"], "2026-01-01T09:00:00Z");
git(["config", "user.name", "Demo"], "2026-01-01T09:00:00Z");
write({ "README.md": "# support-router\n", ".github/CODEOWNERS": "/configs/ @acme/ml-platform\n", "labels.yaml": "labels:\n  - billing\n  - shipping\n" });
commit("initial", "2026-01-01T09:00:00Z");
// Four label-set changes in two months: the task boundary is still moving.
const sets = [
  ["billing", "shipping", "returns"],
  ["billing", "shipping", "returns", "refunds"],
  ["billing", "delivery", "returns", "refunds"],
  ["billing", "delivery", "refunds", "account"],
];
sets.forEach((labels, i) => {
  write({ "labels.yaml": `labels:\n${labels.map((l) => `  - ${l}`).join("\n")}\n` });
  commit(`labels v${i + 2}`, `2026-0${2 + Math.floor(i / 2)}-1${i}T09:00:00Z`);
});

git(["checkout", "-q", "-b", "proposal"], "2026-04-01T09:00:00Z");
const examples = [
  ["I was charged twice for my order", "billing", "Refunds are only available within 30 days of purchase, per our refund policy."],
  ["Where is my parcel?", "delivery", "Parcels ship within 2 business days."],
  ["I want my money back", "refunds", "You are eligible for a refund only if the order is under $500."],
  ["Please close my account", "account", "Contact me at jane.doe@example.com and I will close it."],
  ["Where is my parcel?", "delivery", "Parcels ship within 2 business days."],
];
const lines = examples.map(([user, label, answer]) =>
  JSON.stringify({
    messages: [
      { role: "system", content: `Route and answer. Label: ${label}` },
      { role: "user", content: user },
      { role: "assistant", content: answer },
    ],
  }),
);
lines.splice(2, 0, '{"messages": [{"role": "user", "content": "broken record"');
write({
  "configs/support-router.yml":
    "base_model: meta-llama/Llama-3.2-1B-Instruct\nsequence_len: 2048\ndatasets:\n  - path: data/train.jsonl\n    type: chat_template\noutput_dir: ./outputs/support-router\nnum_epochs: 3\nlearning_rate: 0.00002\nmicro_batch_size: 2\n",
  "data/train.jsonl": `${lines.join("\n")}\n`,
});
commit("Fine-tune the support router", "2026-04-02T09:00:00Z");
writeFileSync(join(dir, "PR.md"), "Fine-tune Llama on our tickets so the model stops making reasoning errors when routing refunds.\n");

console.log(`Example repository: ${dir}\n$ finetune-review review --repo ${dir} --base main --head proposal --body-file PR.md\n`);
const cli = fileURLToPath(new URL("../bin/finetune-review.js", import.meta.url));
try {
  execFileSync(process.execPath, [cli, "review", "--repo", dir, "--base", "main", "--head", "proposal", "--body-file", join(dir, "PR.md")], {
    stdio: "inherit",
  });
} catch (error) {
  // Exit code 1 is the review's verdict (failure), which is what this demo proposal earns.
  if (error.status !== 1) throw error;
  console.log("\n(exit code 1: the review's conclusion is failure)");
}
