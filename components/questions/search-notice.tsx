import Link from "next/link";
import type { QuestionList, QuestionListQuery } from "@/lib/schemas/questions";

/** The same search with other words, keeping the other filters. */
export function searchHref(query: QuestionListQuery, q: string): string {
  const params = new URLSearchParams();
  for (const key of ["topic", "difficulty", "company", "kind", "tag"] as const)
    if (query[key]) params.set(key, query[key]);
  params.set("q", q);
  return `/questions?${params}`;
}

/** "Did you mean middleware?", the correction a link to its search. */
function DidYouMean({ query, suggestion }: { query: QuestionListQuery; suggestion: string }) {
  return (
    <>
      Did you mean{" "}
      <Link href={searchHref(query, suggestion)} className="font-semibold text-brand-700 underline dark:text-brand-100">
        {suggestion}
      </Link>
      ?
    </>
  );
}

/** Above results: that a typo was corrected ("Did you mean"), or that no question holds every word. */
export function SearchNotice({ query, result }: { query: QuestionListQuery; result: QuestionList }) {
  if (!query.q || !result.items.length) return null;
  return (
    <div role="status" className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
      {result.suggestion ? (
        <p>
          <DidYouMean query={query} suggestion={result.suggestion} /> Showing results for it: no question holds “
          {query.q}”.
        </p>
      ) : null}
      {result.match === "some" ? (
        <p>Partial matches: no question holds all of “{result.searched}”, so these hold the most of its words.</p>
      ) : null}
    </div>
  );
}

/** The empty state's text: what was searched, and the correction to try. */
export function NothingFound({ query, result }: { query: QuestionListQuery; result: QuestionList }) {
  return (
    <div className="space-y-2">
      {query.q ? (
        <p>
          Nothing in the bank matches “<strong>{query.q}</strong>”
          {result.searched && result.searched !== query.q ? (
            <>
              {" "}
              (searched for <strong>{result.searched}</strong>)
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>No question has all of these filters.</p>
      )}
      {result.suggestion ? (
        <p>
          <DidYouMean query={query} suggestion={result.suggestion} />
        </p>
      ) : null}
      <p>Try other words, or remove a filter.</p>
    </div>
  );
}
