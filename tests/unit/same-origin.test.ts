import { describe, expect, it } from "vitest";
import { isCrossSite } from "@/lib/same-origin";

describe("isCrossSite", () => {
  it("lets a request from this site's pages through, and one with no Origin (not from a page)", () => {
    expect(isCrossSite("http://localhost:3000", "localhost:3000")).toBe(false);
    expect(isCrossSite("https://mockroom.example", "mockroom.example")).toBe(false);
    expect(isCrossSite(undefined, "localhost:3000")).toBe(false);
    expect(isCrossSite(null, null)).toBe(false);
  });

  it("refuses another host, another port, an opaque origin, and an Origin with no host to compare", () => {
    expect(isCrossSite("https://evil.example", "mockroom.example")).toBe(true);
    expect(isCrossSite("http://localhost:3001", "localhost:3000")).toBe(true);
    expect(isCrossSite("null", "localhost:3000")).toBe(true);
    expect(isCrossSite("https://mockroom.example.evil.example", "mockroom.example")).toBe(true);
    expect(isCrossSite("https://mockroom.example", undefined)).toBe(true);
  });
});
