// `npm test`: every check in order (types, lint, format, unit, integration, end-to-end), stopping at the first
// failure, then one summary line with the number of tests that passed and failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./support/chromium";

type Counts = { passed: number; failed: number; skipped: number };
type Step = {
  name: string;
  command: string[];
  env?: Record<string, string>;
  counts?: (reportFile: string) => Counts;
  before?: () => string | null;
  /** Steps of one group that follow each other run side by side (their output printed in order after). */
  group?: string;
};

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-test-"));

function vitestCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: { status: string }[] }[];
  };
  // A file that fails before its tests run (an import error) has no failed test: count it as one.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed"),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

/** A Vitest step: its projects (the first names the step and its report). */
const vitest = (...projects: string[]): Step => ({
  name: projects[0]!,
  command: [
    bin("vitest"),
    "run",
    "--config",
    "tests/vitest.config.mts",
    ...projects.flatMap((project) => ["--project", project]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(reportDir, projects[0] + ".json")}`,
  ],
  counts: vitestCounts,
});

const steps: Step[] = [
  // Route types first: .next/types may be stale (or missing) from an older build.
  // The three static checks read the files only: they run side by side (about 65 s one after another).
  {
    name: "typecheck",
    group: "static",
    command: ["sh", "-c", `"${bin("next")}" typegen >/dev/null && "${bin("tsc")}" --noEmit`],
  },
  { name: "lint", group: "static", command: [bin("eslint"), "--max-warnings", "0", "."] },
  // Formatting is Prettier's (.prettierrc.json): `npm run format` writes it.
  { name: "format", group: "static", command: [bin("prettier"), "--check", "--log-level", "warn", "."] },
  // Most unit files side by side, then the ones that time what they test, alone (tests/vitest.config.mts).
  vitest("unit", "unit-timed"),
  vitest("integration"),
  {
    name: "e2e",
    before: () => (findChromium() ? null : NO_CHROMIUM_MESSAGE),
    command: [bin("playwright"), "test", "--config", "tests/playwright.config.ts", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reportDir, "e2e.json") },
    counts: playwrightCounts,
  },
];

const only = process.argv.slice(2);
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const started = Date.now();
let ok = true;

/** Runs a step with its output collected, for a group run side by side. */
function runCollected(step: Step): Promise<{ status: number | null; output: string; seconds: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...step.env },
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = (status: number | null) =>
      resolve({
        status,
        output: Buffer.concat(chunks).toString(),
        seconds: ((Date.now() - started) / 1000).toFixed(1),
      });
    child.on("error", (error) => {
      chunks.push(Buffer.from(String(error)));
      done(1);
    });
    child.on("close", done);
  });
}

async function main() {
  const selected = steps.filter((s) => !only.length || only.includes(s.name));
  for (let i = 0; i < selected.length && ok;) {
    const step = selected[i]!;
    let end = i + 1;
    while (step.group && end < selected.length && selected[end]!.group === step.group) end++;
    const group = selected.slice(i, end);
    if (group.length > 1) {
      console.log(`\n▶ ${group.map((s) => s.name).join(", ")} (side by side)`);
      const results = await Promise.all(group.map(runCollected));
      group.forEach((member, j) => {
        const { status, output, seconds } = results[j]!;
        if (output.trim()) console.log(`\n── ${member.name}\n${output.trimEnd()}`);
        lines.push(`${member.name.padEnd(12)} ${status === 0 ? "ok  " : "FAIL"} ${seconds.padStart(6)} s`);
        if (status !== 0) {
          ok = false;
          total.failed += 1;
        }
      });
      i += group.length;
      continue;
    }
    i++;
    const problem = step.before?.();
    if (problem) {
      console.error(problem);
      ok = false;
      lines.push(`${step.name.padEnd(12)} not run`);
      break;
    }
    console.log(`\n▶ ${step.name}`);
    const stepStarted = Date.now();
    const result = spawnSync(step.command[0]!, step.command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, ...step.env },
    });
    const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
    let detail = "";
    if (step.counts) {
      const file =
        step.name === "e2e" ? step.env!.PLAYWRIGHT_JSON_OUTPUT_NAME! : path.join(reportDir, `${step.name}.json`);
      if (fs.existsSync(file)) {
        const counts = step.counts(file);
        total.passed += counts.passed;
        total.failed += counts.failed;
        total.skipped += counts.skipped;
        detail = ` ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
      }
    }
    const passed = result.status === 0;
    lines.push(`${step.name.padEnd(12)} ${passed ? "ok  " : "FAIL"} ${seconds.padStart(6)} s${detail}`);
    if (!passed) {
      ok = false;
      if (!step.counts) total.failed += 1;
      break;
    }
  }

  fs.rmSync(reportDir, { recursive: true, force: true });
  console.log(`\n${lines.join("\n")}\ntotal        ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

void main();
