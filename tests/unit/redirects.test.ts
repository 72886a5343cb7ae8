import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/redirects";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackPath("/interviews?status=finished")).toBe("/interviews?status=finished");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", 42, undefined, "dashboard"])(
    "refuses %j and falls back to the dashboard",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/dashboard");
    },
  );

  it("normalises dot segments without leaving the origin", () => {
    expect(safeCallbackPath("/a/../b")).toBe("/b");
  });
});
