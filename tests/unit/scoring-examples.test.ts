// The examples (#20), each a test against the seed's own rubrics: sensible answers are recognised, and
// the review explains verdicts with the answer's phrases and the concepts' names, never with stems.
import { describe, expect, it } from "vitest";
import { keyPointText } from "@/lib/schemas/content";
import { rubricOfContent } from "@/lib/scoring/derive";
import { keyPointCoverage } from "@/lib/scoring/match";
import { readContent } from "@/seed/content";

const content = readContent();
function score(slug: string, answer: string) {
  const question = [...content.questions, ...content.problems].find((q) => q.slug === slug)!;
  const rubric = rubricOfContent(question.keyPoints);
  return keyPointCoverage(
    answer,
    question.keyPoints.map((p, i) => ({ text: keyPointText(p), rubric: rubric.points[i]! })),
  );
}
const verdict = (slug: string, answer: string, point: string) =>
  score(slug, answer).points.find((p) => p.point === point)!;

describe("the issue's scoring examples", () => {
  it("hears 403 and raise_exception in the Deloitte answer about login_required and permissions", () => {
    const answer =
      "Use login_required for FBVs and LoginRequiredMixin for CBVs. permission_required raises 403 with raise_exception=True.";
    const result = score("login-required-and-permission-mixins", answer);
    expect(
      verdict(
        "login-required-and-permission-mixins",
        answer,
        "Authenticated but unauthorised should get 403 (raise_exception)",
      ).covered,
    ).toBe(true);
    expect(result.points.filter((p) => p.covered).length).toBeGreaterThanOrEqual(2);
  });

  it("hears a soft delete in 'an is_deleted flag or a deleted_at timestamp'", () => {
    const v = verdict(
      "soft-deletes",
      "Add an is_deleted flag or a deleted_at timestamp",
      "Mark rows deleted (deleted_at) instead of removing them",
    );
    expect(v.covered).toBe(true);
    expect(v.heard[0]!.phrase).toMatch(/is_deleted|deleted_at/);
  });

  it("explains every verdict with the answer's own words and the concepts' names, never a stem", () => {
    const answer =
      "Add an is_deleted flag or a deleted_at timestamp, and give the model a manager that filters them out.";
    for (const p of score("soft-deletes", answer).points) {
      for (const h of p.heard) expect(answer).toContain(h.phrase.replace(/…$/, ""));
      for (const name of [...p.missing, ...p.heard.map((h) => h.concept)]) {
        expect(name).not.toMatch(/\b(delet|fixtur|queri|authent|unauthoris)\b/);
        expect(name.length).toBeGreaterThan(3);
      }
    }
  });

  it("does not credit an answer that is about something else", () => {
    const offTopic = "Templates inherit from a base with {% extends %} and fill {% block %} sections.";
    expect(score("soft-deletes", offTopic).score).toBe(0);
    expect(score("login-required-and-permission-mixins", offTopic).score).toBe(0);
  });
});
