import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/questions/active-filters";
import { QuestionCard } from "@/components/questions/question-card";
import { Pagination } from "@/components/questions/pagination";
import { QuestionFilters } from "@/components/questions/question-filters";
import { NothingFound, SearchNotice } from "@/components/questions/search-notice";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { questionMarks } from "@/lib/data/question-marks";
import { listQuestions } from "@/lib/data/questions";
import { withholdFromSearch } from "@/lib/data/withheld";
import { AppError } from "@/lib/http/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { questionListQuerySchema, type QuestionListQuery } from "@/lib/schemas/questions";

export const metadata: Metadata = { title: "Questions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QuestionsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = questionListQuerySchema.safeParse(raw);
  const query: QuestionListQuery = parsed.success ? parsed.data : { limit: 20 };
  const listed = await listQuestions(query).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VALIDATION") return listQuestions({ ...query, cursor: undefined });
    throw error;
  });
  const user = await getCurrentUser();
  const result = query.q ? await withholdFromSearch(user?.id ?? null, listed) : listed;
  // Per-user marks are read apart from the shared list cache; a visitor's page (the one the page cache keeps)
  // has none.
  const marks = user
    ? await questionMarks(
        user.id,
        result.items.map((q) => q.slug),
      )
    : null;
  const filtered = Boolean(query.q || query.topic || query.difficulty || query.company || query.kind || query.tag);
  const filterParams = new URLSearchParams(
    Object.entries(query).filter(([k, v]) => k !== "limit" && k !== "cursor" && v) as [string, string][],
  );
  const pageHref = (cursor: string | null) => {
    const params = new URLSearchParams(filterParams);
    if (cursor) params.set("cursor", cursor);
    if (query.limit !== 20) params.set("limit", String(query.limit));
    const text = params.toString();
    return text ? `/questions?${text}` : "/questions";
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Questions</h1>
        <Link href="/companies" className="text-sm text-brand-700 underline dark:text-brand-100">
          Company interview formats
        </Link>
      </div>
      {!parsed.success ? <Alert tone="error">Some filters in the address were invalid and were ignored.</Alert> : null}
      <QuestionFilters
        values={query}
        facets={result.facets}
        capped={result.capped ?? false}
        key={JSON.stringify({ ...query, cursor: undefined })}
      />
      <ActiveFilters query={query} facets={result.facets} />
      <SearchNotice query={query} result={result} />
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? "No questions match" : "The question bank is empty"}>
          {filtered ? <NothingFound query={query} result={result} /> : "Run npm run seed to load the questions."}
        </EmptyState>
      ) : (
        <ol className="space-y-3" aria-label="Questions">
          {result.items.map((question) => (
            <QuestionCard key={question.slug} question={question} marks={marks?.get(question.slug)} />
          ))}
        </ol>
      )}
      <Pagination
        start={result.start}
        shown={result.items.length}
        total={result.total}
        capped={result.capped ?? false}
        previousHref={query.cursor ? pageHref(result.previousCursor) : null}
        nextHref={result.nextCursor ? pageHref(result.nextCursor) : null}
      />
      {!result.nextCursor && result.capped && result.items.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          These are the best matches; more questions hold these words. Add a word or a filter to narrow.
        </p>
      ) : null}
    </div>
  );
}
