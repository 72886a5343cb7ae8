// Chooses an interview's questions on the server: the profile's count, topic weights and difficulty
// mix; unseen and weak questions first; never a repeat; the same seed gives the same questions.
import { apportion, seededRandom } from "./random";

export type Difficulty = "easy" | "medium" | "hard";
export type Candidate = { id: string; topic: string; difficulty: Difficulty; kind: "written" | "coding" };
/** What the user has done with a question before: best key point coverage (0..1), if any. */
export type History = Map<string, { bestScore: number | null }>;

export type SelectionInput = {
  candidates: Candidate[];
  questionCount: number;
  codingProblems: number;
  topicWeights: Record<string, number>;
  difficultyMix: Record<Difficulty, number>;
  /** Restricts the topics to these (still weighted by the profile); empty means all the profile's topics. */
  topicFocus?: string[];
  history?: History;
  seed: number;
};

/** Lower is better: never seen, then seen but weak, then seen and strong; ties broken by the seeded random. */
function freshness(id: string, history: History | undefined): number {
  const seen = history?.get(id);
  if (!seen) return 0;
  return seen.bestScore === null ? 1 : 1 + seen.bestScore;
}

export function selectQuestions(input: SelectionInput): string[] {
  const random = seededRandom(input.seed);
  const focus = input.topicFocus?.length ? new Set(input.topicFocus) : null;
  const weights = Object.fromEntries(
    Object.entries(input.topicWeights).filter(([topic, weight]) => weight > 0 && (!focus || focus.has(topic))),
  );
  // Focus topics the profile does not weigh still count, with the smallest weight.
  for (const topic of focus ?? []) if (!(topic in weights)) weights[topic] = 1;

  // A stable random order for everything, then sorted by freshness: shuffling first makes ties random.
  // Keys computed once per candidate, not twice per comparison (a start sorts up to ~1,800 candidates).
  const keyed = input.candidates.map((c) => ({ c, fresh: freshness(c.id, input.history), tie: random() }));
  const ranked = keyed.sort((a, b) => a.fresh - b.fresh || a.tie - b.tie).map((k) => k.c);

  const chosen: string[] = [];
  const taken = new Set<string>();
  const take = (c: Candidate) => {
    taken.add(c.id);
    chosen.push(c.id);
  };

  // The freshest question not yet taken (pools are in preference order) whose difficulty still has quota;
  // else the freshest not yet taken.
  const pickFrom = (pool: Candidate[], quota: Record<Difficulty, number>) => {
    let freshest: Candidate | undefined;
    for (const c of pool) {
      if (taken.has(c.id)) continue;
      if (quota[c.difficulty] > 0) return c;
      freshest ??= c;
    }
    return freshest;
  };

  // Coding problems follow the difficulty mix too (an assessment of three is not three hard ones). Each topic
  // with problems gets the whole slots its weight earns (an assessment weighted 2:1 between algorithms and SQL
  // asks two and one); each slot left over goes to a topic drawn by weight (not by how many problems it has: a
  // profile's one problem is not SQL half the time because SQL has the most problems), its freshest problem.
  const coding = ranked.filter((c) => c.kind === "coding" && c.topic in weights);
  const codingSlots = Math.min(input.codingProblems, coding.length, input.questionCount);
  const codingQuota = apportion(codingSlots, input.difficultyMix);
  const codingTopics = new Set(coding.map((c) => c.topic));
  const codingWeight = [...codingTopics].reduce((sum, topic) => sum + weights[topic]!, 0);
  const takeCoding = (pool: Candidate[]) => {
    const pick = pickFrom(pool, codingQuota);
    if (!pick) return false;
    codingQuota[pick.difficulty]--;
    take(pick);
    return true;
  };
  for (const topic of [...codingTopics].sort()) {
    const earned = Math.floor((codingSlots * weights[topic]!) / codingWeight + 1e-9);
    const pool = coding.filter((c) => c.topic === topic);
    for (let n = 0; n < earned && takeCoding(pool); n++);
  }
  while (chosen.length < codingSlots) {
    const open = [...codingTopics].sort().filter((topic) => coding.some((c) => c.topic === topic && !taken.has(c.id)));
    if (!open.length) break;
    let draw = random() * open.reduce((sum, topic) => sum + weights[topic]!, 0);
    const topic = open.find((t) => (draw -= weights[t]!) < 0) ?? open.at(-1)!;
    takeCoding(coding.filter((c) => c.topic === topic));
  }

  const written = ranked.filter((c) => c.kind === "written" && c.topic in weights);
  const slots = Math.min(input.questionCount - codingSlots, written.length);
  const perTopic = apportion(slots, weights);
  const perDifficulty = apportion(slots, input.difficultyMix);

  // Fill each topic's share, from that topic's candidates (grouped once, in preference order).
  const byTopic = new Map<string, Candidate[]>();
  for (const c of written) (byTopic.get(c.topic) ?? byTopic.set(c.topic, []).get(c.topic)!).push(c);
  const topics = Object.keys(perTopic).sort((a, b) => perTopic[b]! - perTopic[a]! || a.localeCompare(b));
  for (const topic of topics) {
    for (let n = 0; n < perTopic[topic]!; n++) {
      const pick = pickFrom(byTopic.get(topic) ?? [], perDifficulty);
      if (!pick) break;
      perDifficulty[pick.difficulty]--;
      take(pick);
    }
  }
  // A topic with too few questions leaves slots: fill them from any weighted topic, by difficulty need.
  while (chosen.length < codingSlots + slots) {
    const pick = pickFrom(written, perDifficulty);
    if (!pick) break;
    perDifficulty[pick.difficulty]--;
    take(pick);
  }
  // Interleave so the interview does not start with all its coding problems: written first, coding last.
  const codingIds = new Set(coding.map((c) => c.id));
  return [...chosen.filter((id) => !codingIds.has(id)), ...chosen.filter((id) => codingIds.has(id))];
}
