import type { Metadata } from "next";
import { ScoreChart } from "@/components/interview/score-chart";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listCompanies } from "@/lib/data/companies";
import { listInterviews } from "@/lib/data/interview-history";
import { interviewListQuerySchema } from "@/lib/schemas/interviews";
import { getCurrentUser } from "@/lib/auth/session";
import { InterviewFilters } from "./interview-filters";
import { InterviewTable } from "./interview-table";

export const metadata: Metadata = { title: "Interviews" };

export default async function InterviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Interviews</h1>
        <SignInToUse
          what="Take timed mock interviews in a company's format and review every attempt afterwards."
          returnTo="/interviews"
        />
      </div>
    );
  }
  const parsed = interviewListQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 20 };
  // The page shows the 50 most recent and has no further pages: a cursor in its address (the API's) means nothing
  // here, and a forged one must not fail the page.
  const [{ items, nextCursor }, companies] = await Promise.all([
    listInterviews(user.id, { ...query, cursor: undefined, limit: 50 }),
    listCompanies(),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Interviews</h1>
        <ButtonLink href="/interviews/new">Start a mock interview</ButtonLink>
      </div>
      <InterviewFilters companies={companies} query={query} />
      {items.length === 0 ? (
        <EmptyState
          title="No interviews yet"
          action={<ButtonLink href="/interviews/new">Start your first one</ButtonLink>}
        >
          Your attempts appear here, newest first, with their scores.
        </EmptyState>
      ) : (
        <>
          <ScoreChart interviews={items} />
          <InterviewTable items={items} renderedAt={new Date().toISOString()} />
          {nextCursor ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Showing your 50 most recent interviews.</p>
          ) : null}
        </>
      )}
    </div>
  );
}
