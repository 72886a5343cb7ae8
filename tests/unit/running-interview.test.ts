import { describe, expect, it } from "vitest";
import { mainRunning, timeLeftLabel } from "@/lib/interviews/running";

const now = new Date("2026-01-01T10:00:00Z").getTime();
const inMs = (ms: number) => new Date(now + ms).toISOString();

describe("a running interview outside its room", () => {
  it("says the time left by the minute, rounding up as a clock read in passing does", () => {
    expect(timeLeftLabel(inMs(45 * 60_000), now)).toBe("45 min left");
    expect(timeLeftLabel(inMs(44 * 60_000 + 1), now)).toBe("45 min left");
    expect(timeLeftLabel(inMs(60_000), now)).toBe("1 min left");
    expect(timeLeftLabel(inMs(90 * 60_000), now)).toBe("1 h 30 min left");
    expect(timeLeftLabel(inMs(60 * 60_000 + 1), now)).toBe("1 h 01 min left");
  });

  it("counts the last minute in seconds, then says the time is up", () => {
    expect(timeLeftLabel(inMs(59_999), now)).toBe("60 s left");
    expect(timeLeftLabel(inMs(1_000), now)).toBe("1 s left");
    expect(timeLeftLabel(inMs(0), now)).toBe("Time is up");
    expect(timeLeftLabel(inMs(-5_000), now)).toBe("Time is up");
  });

  it("has no time left to show for a practice interview", () => {
    expect(timeLeftLabel(null, now)).toBe("No time limit");
  });

  it("offers the timed interview first, else the practice one started last", () => {
    const practiceOld = { id: "a", startedAt: inMs(-60_000), deadlineAt: null };
    const practiceNew = { id: "b", startedAt: inMs(-1_000), deadlineAt: null };
    const timed = { id: "c", startedAt: inMs(-30_000), deadlineAt: inMs(60_000) };
    expect(mainRunning([practiceOld, timed, practiceNew])?.id).toBe("c");
    expect(mainRunning([practiceOld, practiceNew])?.id).toBe("b");
    expect(mainRunning([])).toBeNull();
  });
});
