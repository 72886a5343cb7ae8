import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

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
  });
});
