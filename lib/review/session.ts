// One sitting in the revision queue, as Anki runs it: the cards due now, one at a time; a rated card leaves
// the sitting, unless its next due date falls later today (a learning step: Again is minutes), and then it
// waits and comes back once that time has passed, never before. Pure, so the page and its tests share it.

export type Waiting = { slug: string; due: number };

/** `queue[0]` is the card on screen. */
export type Sitting = { queue: string[]; waiting: Waiting[] };

/** After rating `slug`: it leaves the queue, and waits if it is due again by `endOfDay` (epoch ms). */
export function afterRating(sitting: Sitting, slug: string, due: number, endOfDay: number): Sitting {
  const queue = sitting.queue.filter((s) => s !== slug);
  const others = sitting.waiting.filter((w) => w.slug !== slug);
  const waiting = due <= endOfDay ? [...others, { slug, due }].sort((a, b) => a.due - b.due) : others;
  return { queue, waiting };
}

/**
 * Waiting cards whose time has come join the queue, earliest first, right after the card on screen (which
 * must not change under the reader); the first of them is shown at once when nothing is on screen.
 */
export function release(sitting: Sitting, now: number): Sitting {
  const ready = sitting.waiting.filter((w) => w.due <= now);
  if (!ready.length) return sitting;
  const [current, ...rest] = sitting.queue;
  const slugs = ready.map((w) => w.slug);
  return {
    queue: current === undefined ? slugs : [current, ...slugs, ...rest],
    waiting: sitting.waiting.filter((w) => w.due > now),
  };
}

/** Milliseconds until the next waiting card is due (at least 0), or null when none waits. */
export function untilNext(sitting: Sitting, now: number): number | null {
  const first = sitting.waiting[0];
  return first ? Math.max(0, first.due - now) : null;
}

/** "in 10 min", "in 3 days": how far away a due date is, rounded as a person says it. */
export function interval(due: number, now: number): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days < 60 ? `${days} d` : `${Math.round(days / 30)} mo`;
}
