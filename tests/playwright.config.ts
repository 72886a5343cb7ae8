import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./support/chromium";
import { E2E_BASE_PORT, E2E_LANES, laneBaseUrl } from "./e2e/accounts";

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);

// One worker a lane, each against its lane's server (tests/e2e/accounts.ts). A worker loads this file with its
// parallel index set, so its baseURL is its own lane's.
const baseURL = laneBaseUrl();

export default defineConfig({
  testDir: "e2e",
  outputDir: path.join(__dirname, "..", "test-results"),
  fullyParallel: false,
  workers: E2E_LANES,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // A trace records every action's DOM and a screencast: a fifth of the suite's CPU. CI keeps no artifacts, so it
    // records none; locally a failed test keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  // End-to-end flows and the security suite (tests/security/), a file at a time in each lane.
  projects: [
    { name: "chromium", testDir: "e2e", use: { ...devices["Desktop Chrome"] } },
    { name: "security", testDir: "security", use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: "node_modules/.bin/tsx tests/e2e/server.ts",
    cwd: path.join(__dirname, ".."),
    // The lanes start in order: the last one's health means every one is up.
    url: `${laneBaseUrl(E2E_LANES - 1)}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_BASE_PORT), E2E_LANES: String(E2E_LANES) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
