// Reading a user's rows in batches of bounded size: keyset pages along an index, and windows of children
// (answers of interviews, versions of practice answers) grouped by the size of their text.

/** Text fetched by one query at most (a row's own text is at most 200 KB: an answer and its late copy). */
export const BATCH_BYTES = 2 * 1024 * 1024;
/** Rows fetched by one query at most; 100 when each carries its question's prompt and model answer (30 KB). */
export const BATCH_ROWS = 500;
export const DETAILED_BATCH_ROWS = 100;

/**
 * A keyset condition "after (at, id)" for rows ordered by a date column (ascending, or descending with
 * `newestFirst`), then a tie-breaking key ascending (the question where it is unique per user, so an imported
 * copy exports in the same order). Each kind is read in the order of an index that starts with userId, so a
 * page costs its own rows, not a sort of the user's whole table.
 */
export function after<K extends string, T extends string>(
  column: K,
  tie: T,
  last: { at: Date; id: string } | null,
  newestFirst = false,
) {
  if (!last) return {};
  // "at or past the last date" is a range of the index; the OR only drops the ties already sent.
  return {
    [column]: { [newestFirst ? "lte" : "gte"]: last.at },
    OR: [{ [column]: { [newestFirst ? "lt" : "gt"]: last.at } }, { [tie]: { gt: last.id } }],
  } as Record<string, unknown>;
}

/** Pages of rows, `take` at a time, until one comes back short. */
export async function* pages<R>(read: (last: R | null) => Promise<R[]>, take: number): AsyncGenerator<R> {
  let last: R | null = null;
  for (;;) {
    const rows = await read(last);
    yield* rows;
    if (rows.length < take) return;
    last = rows.at(-1)!;
  }
}

export type Sized = { parent: string; n: number; bytes: number };
export type Window = { parent: string; from: number; to: number; first: boolean; last: boolean };

/**
 * Splits the children of some parents (in output order) into windows of consecutive children, and windows
 * into groups of at most BATCH_BYTES of text: one query per group. A parent without children gets an
 * empty window, so it is still opened and closed.
 */
export function plan(parents: string[], sizes: Sized[], maxRows = BATCH_ROWS): Window[][] {
  const byParent = new Map<string, Sized[]>(parents.map((p) => [p, []]));
  for (const s of sizes) byParent.get(s.parent)?.push(s);
  const groups: Window[][] = [];
  let group: Window[] = [];
  let bytes = 0;
  let rows = 0;
  for (const parent of parents) {
    const children = byParent.get(parent)!.sort((a, b) => a.n - b.n);
    if (!children.length) {
      group.push({ parent, from: 0, to: -1, first: true, last: true });
      continue;
    }
    let window: Window | null = null;
    for (const [i, child] of children.entries()) {
      if (rows > 0 && (bytes + child.bytes > BATCH_BYTES || rows === maxRows)) {
        if (window) group.push(window);
        groups.push(group);
        [window, group, bytes, rows] = [null, [], 0, 0];
      }
      window ??= { parent, from: child.n, to: child.n, first: i === 0, last: false };
      window.to = child.n;
      bytes += child.bytes;
      rows++;
    }
    group.push({ ...window!, last: true });
  }
  if (group.length) groups.push(group);
  return groups;
}
