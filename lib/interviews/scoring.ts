// Explainable key point coverage: a key point counts as covered when enough of its significant words
// (stemmed, with a few synonyms) appear in the answer. It is a hint, not a grade: the review shows which
// words matched and which did not, so the user can judge for themselves.

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from has have how i if in into is it its of on or that the their them then there these they this to use used using vs was we what when where which while who why will with you your".split(" "),
);

// Different words for the same idea map to one canonical word.
const SYNONYMS: Record<string, string> = {
  db: "database", databas: "database", sql: "query", queri: "query",
  fk: "foreignkey", foreign: "foreignkey", m2m: "manytomany", n1: "nplusone",
  auth: "authentication", authent: "authentication", authn: "authentication", authz: "authorization", author: "authorization",
  perm: "permission", permiss: "permission", async: "asynchronous", asynchron: "asynchronous",
  cach: "cache", cached: "cache", fast: "speed", faster: "speed", slow: "speed", perform: "speed", performance: "speed",
  secur: "security", safe: "security", token: "token", jwt: "token", env: "environment", environ: "environment",
};

/** A light suffix stripper: enough to match "caching"/"cached"/"caches" and "queries"/"query". */
export function stem(word: string): string {
  let w = word;
  for (const suffix of ["ational", "ization", "ations", "ation", "ments", "ment", "ness", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s"]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length) + (suffix === "ies" || suffix === "ied" ? "y" : "");
      break;
    }
  }
  return SYNONYMS[w] ?? SYNONYMS[word] ?? w;
}

/** Significant stems of a text; "select_related" also yields "select" and "related". */
export function terms(text: string): string[] {
  const words = text.toLowerCase().replace(/n\+1/g, "n1").match(/[a-z0-9_]+/g) ?? [];
  const out: string[] = [];
  for (const word of words) {
    const parts = word.includes("_") ? [word.replace(/_/g, ""), ...word.split("_")] : [word];
    for (const part of parts) if (part.length > 1 && !STOPWORDS.has(part)) out.push(stem(part));
  }
  return out;
}

export type KeyPointCoverage = { point: string; covered: boolean; matched: string[]; missing: string[] };

export function keyPointCoverage(answer: string, keyPoints: string[]): { points: KeyPointCoverage[]; score: number } {
  const present = new Set(terms(answer));
  const points = keyPoints.map((point) => {
    const wanted = [...new Set(terms(point))];
    const matched = wanted.filter((t) => present.has(t));
    // Short points need every word; longer ones about two thirds, so phrasing may differ.
    const needed = wanted.length <= 2 ? wanted.length : Math.ceil(wanted.length * 0.6);
    return { point, covered: wanted.length > 0 && matched.length >= needed, matched, missing: wanted.filter((t) => !present.has(t)) };
  });
  const score = points.length ? points.filter((p) => p.covered).length / points.length : 0;
  return { points, score };
}
