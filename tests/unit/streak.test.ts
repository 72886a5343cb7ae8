import { describe, expect, it } from "vitest";
import { streakLength } from "@/lib/data/dashboard";

describe("streakLength", () => {
  it("counts consecutive days ending today", () => {
    expect(streakLength(["2026-03-03", "2026-03-02", "2026-03-01"], "2026-03-03")).toBe(3);
  });
  it("keeps yesterday's streak alive until today ends", () => {
    expect(streakLength(["2026-03-02", "2026-03-01"], "2026-03-03")).toBe(2);
  });
  it("stops at the first gap and is zero after a missed day", () => {
    expect(streakLength(["2026-03-03", "2026-03-01"], "2026-03-03")).toBe(1);
    expect(streakLength(["2026-03-01"], "2026-03-03")).toBe(0);
    expect(streakLength([], "2026-03-03")).toBe(0);
  });
  it("crosses month and leap-year boundaries", () => {
    expect(streakLength(["2028-03-01", "2028-02-29", "2028-02-28"], "2028-03-01")).toBe(3);
    expect(streakLength(["2027-01-01", "2026-12-31"], "2027-01-01")).toBe(2);
  });
});
