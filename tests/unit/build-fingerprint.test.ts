import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFingerprint } from "@/lib/cli/build";

describe("build fingerprint", () => {
  it("changes when a source file changes and ignores build output", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-fp-"));
    fs.mkdirSync(path.join(root, "app"));
    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 1");
    const first = sourceFingerprint(root);
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "x");
    expect(sourceFingerprint(root)).toBe(first);
    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 2");
    expect(sourceFingerprint(root)).not.toBe(first);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
