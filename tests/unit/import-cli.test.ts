import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The command refuses these before it touches any database.
function runImport(...args: string[]) {
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["lib/cli/import.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
  });
}

describe("npm run import", () => {
  it("refuses a file over 5 MB with a clear message", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-big-")), "huge.md");
    fs.writeFileSync(file, "# Guide\n\n# Topic\n" + "A question?\n".repeat(500_000));
    const result = runImport(file, "--dry-run");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/huge\.md is 5\.\d MB; guides over 5 MB are refused\./);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("names the line of a malformed file and imports nothing", () => {
    const result = runImport("tests/fixtures/guides/unclosed-details.md");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unclosed-details.md:9: <details> is not closed before the next <details> opens");
    expect(result.stderr).toContain("nothing was imported");
  });

  it("explains its usage when called without a file", () => {
    const result = runImport();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run import -- <guide.md> [--dry-run] [--source NAME]");
  });
});
