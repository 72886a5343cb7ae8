// How the dashboard reads per-topic strength: a topic nobody has answered is not weak, and a figure that rests
// on few results says so (docs/decisions/0013).
import { pluralWord } from "../format/format";

/** Below this many results (answers and self-ratings) a topic's strength is shown as tentative. */
export const TENTATIVE_BELOW = 3;
/** Topics under this strength are candidates for "weakest topics". */
export const WEAK_BELOW = 0.7;

export type TopicResults = { slug: string; name: string; answers: number; ratings: number; strength: number | null };

export type TopicStanding =
  | { slug: string; name: string; state: "not_practised" }
  | { slug: string; name: string; state: "tentative" | "judged"; strength: number; answers: number; ratings: number };

export function standing(topic: TopicResults): TopicStanding {
  const results = topic.answers + topic.ratings;
  if (!results || topic.strength === null) return { slug: topic.slug, name: topic.name, state: "not_practised" };
  const state = results < TENTATIVE_BELOW ? "tentative" : "judged";
  return {
    slug: topic.slug,
    name: topic.name,
    state,
    strength: topic.strength,
    answers: topic.answers,
    ratings: topic.ratings,
  };
}

export type Judged = Extract<TopicStanding, { strength: number }>;

/** The three weakest topics among those with results, weakest first; never one that was not practised. */
export function weakestTopics(topics: readonly TopicStanding[], count = 3): Judged[] {
  return topics
    .filter((t): t is Judged => t.state !== "not_practised" && t.strength < WEAK_BELOW)
    .sort((a, b) => a.strength - b.strength || a.name.localeCompare(b.name))
    .slice(0, count);
}

/** "from 1 answer", "from 4 answers and 2 ratings": what a figure rests on, in words. */
export function basisText(t: { answers: number; ratings: number }): string {
  const count = (n: number, word: string) => `${n} ${pluralWord(n, word)}`;
  const parts = [t.answers ? count(t.answers, "answer") : "", t.ratings ? count(t.ratings, "rating") : ""].filter(
    Boolean,
  );
  return `from ${parts.join(" and ")}`;
}
