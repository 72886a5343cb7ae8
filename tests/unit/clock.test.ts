import { describe, expect, it } from "vitest";
import { acceptsWrites, deadlineFor, isOverdue, SAVE_GRACE_MS } from "@/lib/interviews/clock";

const start = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("interview clock", () => {
  it("gives strict interviews the profile's duration, extended ones more, practice none", () => {
    expect(deadlineFor("strict", 45, 2, start)).toEqual(at(45 * 60_000));
    expect(deadlineFor("extended", 45, 1.5, start)).toEqual(at(67.5 * 60_000));
    expect(deadlineFor("extended", 40, 2, start)).toEqual(at(80 * 60_000));
    expect(deadlineFor("practice", 45, 2, start)).toBeNull();
  });

  it("accepts a save until the deadline plus the grace, and none after", () => {
    const interview = { status: "IN_PROGRESS", deadlineAt: at(60_000) };
    expect(acceptsWrites(interview, at(59_999))).toBe(true);
    expect(acceptsWrites(interview, at(60_000 + SAVE_GRACE_MS))).toBe(true);
    expect(acceptsWrites(interview, at(60_000 + SAVE_GRACE_MS + 1))).toBe(false);
    expect(isOverdue(interview, at(60_000 + SAVE_GRACE_MS))).toBe(false);
    expect(isOverdue(interview, at(60_000 + SAVE_GRACE_MS + 1))).toBe(true);
  });

  it("never accepts a save once the interview has ended, and never expires practice", () => {
    expect(acceptsWrites({ status: "FINISHED", deadlineAt: at(60_000) }, at(0))).toBe(false);
    expect(acceptsWrites({ status: "ABANDONED", deadlineAt: null }, at(0))).toBe(false);
    expect(acceptsWrites({ status: "IN_PROGRESS", deadlineAt: null }, at(10 ** 10))).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", deadlineAt: null }, at(10 ** 10))).toBe(false);
  });
});
