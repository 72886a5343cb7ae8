import { describe, expect, it } from "vitest";
import { applyRating, newCard, previewRatings, replay } from "@/lib/review/fsrs";

const T0 = new Date("2026-05-01T08:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("FSRS scheduling", () => {
  it("starts a new card due at once, in state new", () => {
    expect(newCard(T0)).toMatchObject({ due: T0, reps: 0, lapses: 0, state: 0, lastReview: null });
  });

  it("brings a question back sooner the worse it was recalled", () => {
    const preview = previewRatings(newCard(T0), T0);
    const times = (["again", "hard", "good", "easy"] as const).map((r) => preview[r].getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(4);
    expect(preview.again.getTime() - T0.getTime()).toBeLessThan(15 * 60_000);
    expect(preview.easy.getTime() - T0.getTime()).toBeGreaterThanOrEqual(86_400_000);
  });

  it("grows the interval with successive Good ratings and counts a lapse on Again", () => {
    let card = newCard(T0);
    let at = T0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      card = applyRating(card, "good", at);
      intervals.push(card.due.getTime() - at.getTime());
      at = card.due;
    }
    expect(intervals.slice(2)).toEqual([...intervals.slice(2)].sort((a, b) => a - b));
    const lapsed = applyRating(card, "again", at);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due.getTime() - at.getTime()).toBeLessThan(intervals.at(-1)!);
  });

  it("replays a log in time order to the same card, whatever order it is stored in", () => {
    const log = [
      { rating: "again" as const, reviewedAt: later(1) },
      { rating: "good" as const, reviewedAt: later(3) },
      { rating: "hard" as const, reviewedAt: later(60 * 24) },
      { rating: "easy" as const, reviewedAt: later(60 * 24 * 5) },
    ];
    const stepByStep = log.reduce((card, entry) => applyRating(card, entry.rating, entry.reviewedAt), newCard(T0));
    expect(replay(T0, [...log].reverse())).toEqual(stepByStep);
    expect(replay(T0, [])).toEqual(newCard(T0));
  });
});
