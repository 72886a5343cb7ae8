import type { Metadata } from "next";
import Link from "next/link";
import { StrengthChart } from "@/components/dashboard/strength-chart";
import { percent } from "@/components/interview/format";
import { TimingSettings } from "@/components/interview/timing-settings";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { TimeZoneSettings } from "@/components/account/time-zone-settings";
import { getDashboard } from "@/lib/data/dashboard";
import { TENTATIVE_BELOW } from "@/lib/progress/strength";
import { getTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/auth/session";
import { practiseTopics, saveSettings, saveTimeZone } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

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
          {dashboard.topics.some((t) => t.state !== "not_practised") ? null : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No results yet: finish an interview or save a practice answer.</p>
          )}
          {dashboard.topics.length ? (
            <>
              <StrengthChart topics={dashboard.topics} />
              <p className="text-xs text-slate-600 dark:text-slate-400">
                From interview scores, saved practice answers and your ratings (Again 0%, Hard 35%, Good 75%, Easy 100%). Questions skipped in an interview
                are not counted. A figure from fewer than {TENTATIVE_BELOW} results is tentative.
              </p>
            </>
          ) : null}
          {dashboard.weakest.length ? (
            <form action={practiseTopics} className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
              <h3 className="font-medium">Weakest topics</h3>
              <p className="mt-1 text-sm">
                {dashboard.weakest.map((t) => `${t.name} (${percent(t.strength)}${t.state === "tentative" ? ", tentative" : ""})`).join(", ")}
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
        <TimingSettings current={timeMultiplier} save={saveSettings} />
        <TimeZoneSettings current={dashboard.timeZone} save={saveTimeZone} />
      </section>
    </div>
  );
}
