import { describe, expect, it } from "vitest";
import { RUNNER_CSP } from "@/lib/coding/runtime";
import {
  strictSecurityHeaders,
  contentSecurityPolicy,
  microphoneAllowed,
  securityHeaders,
} from "@/lib/http/security-headers";

describe("content security policy", () => {
  it("allows scripts only by nonce in production, never eval", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows eval only for the development server's tooling", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
  });
});

describe("the Python runner's policy", () => {
  it("lets pages start same-origin workers, and nothing new in the page's own policy", () => {
    const csp = contentSecurityPolicy("n", { dev: false });
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain("wasm-unsafe-eval");
  });

  it("allows the worker to compile WebAssembly but never to eval JavaScript or reach other origins", () => {
    expect(RUNNER_CSP.split("; ")).toEqual([
      "default-src 'none'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "connect-src 'self'",
    ]);
    expect(RUNNER_CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
  });
});

describe("security headers", () => {
  it("sends HSTS only over https", () => {
    expect(securityHeaders({ https: true })["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("strict-transport-security");
  });

  it("sets nosniff, a referrer policy and a permissions policy", () => {
    const headers = securityHeaders({ https: false });
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("microphone=()");
    expect(securityHeaders({ https: false, microphone: true })["permissions-policy"]).toContain("microphone=(self)");
  });

  it.each([
    ["/interviews/0b7c2f8e-3f7a-4c43-9d2b-5d6a8f9e1a2b", true],
    ["/interviews/0b7c2f8e-3f7a-4c43-9d2b-5d6a8f9e1a2b?question=2", true],
    ["/questions/select-related-vs-prefetch-related", true],
    ["/interviews/0b7c2f8e-3f7a-4c43-9d2b-5d6a8f9e1a2b/review", true],
    ["/interviews/0b7c2f8e-3f7a-4c43-9d2b-5d6a8f9e1a2b/reviewx", false],
    ["/interviews/compare", false],
    ["/interviews/new", false],
    ["/interviews", false],
    ["/questions", false],
    ["/questions?q=csrf", false],
    ["/notes", false],
    ["/admin/questions/select-related", false],
    ["/api/questions/select-related/practice/recording", false],
    ["//questions/x", false],
  ])("lets %s use the microphone: %s", (path, allowed) => {
    expect(microphoneAllowed(path)).toBe(allowed);
  });
});

describe("API responses and Next's built files", () => {
  it("forbid loading, running and framing anything, and carry the common headers", () => {
    const headers = strictSecurityHeaders({ https: false });
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(strictSecurityHeaders({ https: true })["strict-transport-security"]).toContain("max-age=");
  });
});
