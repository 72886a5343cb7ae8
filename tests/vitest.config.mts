import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "tests/support/server-only.ts"),
  },
};

const unit = { root, include: ["tests/unit/**/*.test.ts"], environment: "node" } as const;

/**
 * Unit files that time what they test (a time limit and its slack, how long the event loop was held): one at a
 * time after the others, on a machine no other test file is busy on.
 */
const UNIT_TIMED = [
  "tests/unit/markdown.test.ts",
  "tests/unit/markdown-corpus.test.ts",
  "tests/unit/editor-markdown.test.ts",
  "tests/unit/python-runner.test.ts",
  "tests/unit/sql-runner.test.ts",
  "tests/unit/scoring.test.ts",
];

export default defineConfig({
  root,
  resolve,
  test: {
    env: { LOG_LEVEL: "silent" },
    projects: [
      {
        resolve,
        test: {
          ...unit,
          name: "unit",
          exclude: UNIT_TIMED,
          // Vitest's default is a core less than the machine: one file at a time on two cores, while a third of
          // the suite's time was spent waiting for time limits (the runners' and the markdown workers'). A file
          // a core: 143 → 88 s here (docs/performance.md, round twenty-two).
          maxWorkers: os.availableParallelism(),
        },
      },
      {
        resolve,
        // Files that time what they test, alone, after the others.
        test: { ...unit, name: "unit-timed", include: UNIT_TIMED, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
      {
        resolve,
        // One file at a time (Vitest's default on two cores): side by side, two imports of a new guide at once
        // were once answered 500 (tests/integration/guide-import-route.test.ts), a race not found yet.
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        resolve,
        test: {
          name: "chaos",
          root,
          include: ["tests/chaos/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 300_000,
          pool: "forks",
          fileParallelism: false,
        },
      },
    ],
  },
});
