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

export default defineConfig({
  root,
  resolve,
  test: {
    env: { LOG_LEVEL: "silent" },
    projects: [
      { resolve, test: { name: "unit", root, include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve,
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
