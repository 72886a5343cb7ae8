import { describe, expect, it } from "vitest";
import { afterRating, interval, release, untilNext, type Sitting } from "@/lib/review/session";

const MIN = 60_000;
const END = 1_000 * MIN;

describe("a sitting in the revision queue", () => {
  const start: Sitting = { queue: ["a", "b", "c"], waiting: [] };

  it("drops a rated card whose next date is another day", () => {
    expect(afterRating(start, "a", END + 1, END)).toEqual({ queue: ["b", "c"], waiting: [] });
  });

  it("keeps a card due again today waiting, earliest first, and never shows it before its time", () => {
    let sitting = afterRating(start, "a", 10 * MIN, END);
    sitting = afterRating(sitting, "b", 1 * MIN, END);
    expect(sitting).toEqual({
      queue: ["c"],
      waiting: [
        { slug: "b", due: MIN },
        { slug: "a", due: 10 * MIN },
      ],
    });
    expect(release(sitting, MIN - 1)).toBe(sitting);
    expect(untilNext(sitting, 0)).toBe(MIN);
  });

  it("brings a waiting card back after the card on screen, which does not change under the reader", () => {
    const sitting: Sitting = { queue: ["c", "d"], waiting: [{ slug: "a", due: MIN }] };
    expect(release(sitting, MIN)).toEqual({ queue: ["c", "a", "d"], waiting: [] });
  });

  it("shows a waiting card at once when nothing else is due", () => {
    const sitting: Sitting = {
      queue: [],
      waiting: [
        { slug: "a", due: MIN },
        { slug: "b", due: 2 * MIN },
      ],
    };
    expect(release(sitting, MIN)).toEqual({ queue: ["a"], waiting: [{ slug: "b", due: 2 * MIN }] });
    expect(untilNext({ queue: [], waiting: [] }, 0)).toBeNull();
  });

  it("rating a card again replaces its wait, not adds one", () => {
    const sitting: Sitting = { queue: ["a"], waiting: [{ slug: "a", due: MIN }] };
    expect(afterRating(sitting, "a", 5 * MIN, END)).toEqual({ queue: [], waiting: [{ slug: "a", due: 5 * MIN }] });
  });

  it("says how far away a date is as a person would", () => {
    expect(interval(30_000, 0)).toBe("1 min");
    expect(interval(10 * MIN, 0)).toBe("10 min");
    expect(interval(3 * 60 * MIN, 0)).toBe("3 h");
    expect(interval(4 * 24 * 60 * MIN, 0)).toBe("4 d");
    expect(interval(90 * 24 * 60 * MIN, 0)).toBe("3 mo");
  });
});
