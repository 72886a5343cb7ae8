import type { Metadata } from "next";
import Link from "next/link";
import { TimingSettings } from "@/components/interview/timing-settings";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { TimeZoneSettings } from "@/components/workspace/time-zone-settings";
import { getDashboard, type Dashboard } from "@/lib/data/dashboard";
import { getTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/session";
import { practiseTopics } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

const percent = (n: number) => `${Math.round(n * 100)}%`;
const activityLabel = { interview: "Interview", practice: "Practised", note: "Note", review: "Reviewed" } as const;

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const body = (
    <>
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>
      <span className="text-sm text-slate-600 dark:text-slate-400">{label}</span>
    </>
  );
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      {href ? (
        <Link href={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}

/** Per-topic strength as horizontal bars, with the numbers in text for every reader. */
function StrengthChart({ topics }: { topics: Dashboard["topics"] }) {
  return (
    <ul className="space-y-2" aria-label="Strength by topic">
      {topics.map((t) => (
        <li key={t.slug} className="grid grid-cols-[minmax(8rem,14rem)_1fr_3.5rem] items-center gap-3 text-sm">
          <Link href={`/questions?topic=${t.slug}`} className="truncate hover:underline">
            {t.name}
          </Link>
          <span className="h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
            <span
              className={`block h-full rounded ${t.strength < 0.4 ? "bg-rose-500" : t.strength < 0.7 ? "bg-amber-500" : "bg-emerald-500"}`}
              style={{ width: `${Math.max(2, Math.round(t.strength * 100))}%` }}
            />
          </span>
          <span className="text-right tabular-nums">
            {percent(t.strength)}
            <span className="sr-only"> from {t.signals} results</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const user = await requireUser();
  const [dashboard, timeMultiplier, { error }] = await Promise.all([getDashboard(user.id), getTimeMultiplier(user.id), searchParams]);
  const started = dashboard.interviews > 0 || dashboard.practised > 0 || dashboard.notes > 0;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Signed in as {user.email}
            {user.role === "ADMIN" ? " · administrator" : ""} · <Link href="/account" className="underline">Account and data</Link>
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/interviews/new">Start a mock interview</ButtonLink>
          <ButtonLink href="/review" variant="secondary">
            Review{dashboard.due ? ` (${dashboard.due} due)` : ""}
          </ButtonLink>
        </div>
      </div>
      {error === "topics" ? <Alert tone="error">Those topics have no questions to practise right now.</Alert> : null}

      <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Your progress">
        <Stat label="interviews taken" value={dashboard.interviews} href="/interviews" />
        <Stat label="questions practised" value={dashboard.practised} />
        <Stat label="day streak" value={dashboard.streak} />
        <Stat label="reviews due today" value={dashboard.due} href="/review" />
        <Stat label="notes" value={dashboard.notes} href="/notes" />
      </ul>

      {!started ? (
        <section aria-labelledby="start" className="rounded-lg border border-slate-200 p-6 dark:border-slate-800">
          <h2 id="start" className="font-semibold">
            Where to start
          </h2>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            Take a mock interview, or practise single questions from the bank: your progress, weak topics and revision queue build up here.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href="/questions" variant="secondary">
              Browse questions
            </ButtonLink>
            <ButtonLink href="/companies" variant="secondary">
              Company formats
            </ButtonLink>
          </div>
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="strength" className="space-y-4">
          <h2 id="strength" className="font-semibold">
            Strength by topic
          </h2>
          {dashboard.topics.length ? (
            <>
              <StrengthChart topics={dashboard.topics} />
              <p className="text-xs text-slate-600 dark:text-slate-400">From interview scores, saved practice answers and your ratings (Again 0%, Hard 35%, Good 75%, Easy 100%).</p>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No results yet: finish an interview or save a practice answer.</p>
          )}
          {dashboard.weakest.length ? (
            <form action={practiseTopics} className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
              <h3 className="font-medium">Weakest topics</h3>
              <p className="mt-1 text-sm">
                {dashboard.weakest.map((t) => `${t.name} (${percent(t.strength)})`).join(", ")}
              </p>
              {dashboard.weakest.map((t) => (
                <input key={t.slug} type="hidden" name="topic" value={t.slug} />
              ))}
              <button type="submit" className="mt-3 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Practise these
              </button>
            </form>
          ) : null}
        </section>

        <section aria-labelledby="recent" className="space-y-3">
          <h2 id="recent" className="font-semibold">
            Recent activity
          </h2>
          {dashboard.recent.length ? (
            <ol className="space-y-2 text-sm">
              {dashboard.recent.map((a, i) => (
                <li key={i} className="flex flex-col">
                  <Link href={a.href} className="hover:underline">
                    {a.title}
                  </Link>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {activityLabel[a.kind]} · <time dateTime={a.at}>{new Date(a.at).toLocaleString("en-GB", { timeZone: dashboard.timeZone, dateStyle: "medium", timeStyle: "short" })}</time>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="settings" className="space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800">
        <h2 id="settings" className="font-semibold">
          Settings
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Need more time? Extended time becomes the default for new interviews; you can still change it each time.
        </p>
        <TimingSettings current={timeMultiplier} />
        <TimeZoneSettings current={dashboard.timeZone} />
      </section>
    </div>
  );
}
