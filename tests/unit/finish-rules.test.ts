import { describe, expect, it } from "vitest";
import { finishRules } from "@/components/interview/finish-rules";

const deadlineAt = "2026-03-01T10:00:00.000Z";
const deadline = new Date(deadlineAt).getTime();
const time = (date: Date) => date.toISOString().slice(11, 16);

describe("the deadline rules shown when an interview cannot finish", () => {
  it("says practice has no limit", () => {
    expect(finishRules({ mode: "practice", deadlineAt: null }, deadline, time)).toMatch(/no time limit/);
  });

  it("before the deadline: the clock runs, what arrives by the deadline plus the grace counts", () => {
    const rules = finishRules({ mode: "strict", deadlineAt }, deadline - 60_000, time);
    expect(rules).toContain("The clock keeps running.");
    expect(rules).toContain("by 10:00 (plus 2 seconds of grace) count");
    expect(rules).toContain("kept in the review as not submitted");
  });

  it("within the grace the deadline has not passed yet; after it, it has", () => {
    expect(finishRules({ mode: "extended", deadlineAt }, deadline + 2_000, time)).toContain("The clock keeps running.");
    expect(finishRules({ mode: "extended", deadlineAt }, deadline + 2_001, time)).toBe(
      "The deadline (10:00) has passed: the interview ends with the answers saved by then; what you wrote after is kept in the review as not submitted.",
    );
  });
});
