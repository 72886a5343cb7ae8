import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/python/[version]/[file]/route";
import { PYODIDE_VERSION, RUNNER_BASE } from "@/lib/coding/runtime";

const get = (version: string, file: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/python/${version}/${file}`, { headers }), {
    params: Promise.resolve({ version, file }),
  });

describe("the Python runner's files", () => {
  it("are served under the installed Pyodide's version", () => {
    const installed = JSON.parse(fs.readFileSync(path.resolve("node_modules/pyodide/package.json"), "utf8")) as {
      version: string;
    };
    expect(PYODIDE_VERSION).toBe(installed.version);
    expect(RUNNER_BASE).toBe(`/python/${installed.version}/`);
  });

  it("serve Pyodide's WebAssembly with its type, cached for good, under the worker's own policy", async () => {
    const response = await get(PYODIDE_VERSION, "pyodide.asm.wasm");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/wasm");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-security-policy")).toContain("'wasm-unsafe-eval'");
    expect(Number(response.headers.get("x-uncompressed-length"))).toBe((await response.arrayBuffer()).byteLength);
  });

  it("revalidate our own worker and harness by ETag", async () => {
    const response = await get(PYODIDE_VERSION, "harness.py");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe(fs.readFileSync(path.resolve("lib/coding/harness.py"), "utf8"));
    const again = await get(PYODIDE_VERSION, "harness.py", { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("serve nothing off the allowlist or under another version", async () => {
    for (const file of ["package.json", "..%2Fpackage.json", "console.html", "constructor", "route.ts"])
      expect((await get(PYODIDE_VERSION, file)).status).toBe(404);
    expect((await get("0.26.0", "pyodide.mjs")).status).toBe(404);
  });
});
