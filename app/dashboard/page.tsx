import type { Metadata } from "next";
import { TimingSettings } from "@/components/interview/timing-settings";
import { ButtonLink } from "@/components/ui/button";
import { getTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const timeMultiplier = await getTimeMultiplier(user.id);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Signed in as {user.email}
          {user.role === "ADMIN" ? " · administrator" : ""}
        </p>
      </div>
      <section aria-labelledby="start" className="rounded-lg border border-slate-200 p-6 dark:border-slate-800">
        <h2 id="start" className="font-semibold">
          Where to start
        </h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Your progress appears here once you practise: interviews taken, questions practised, topics to revise.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonLink href="/interviews/new">Start a mock interview</ButtonLink>
          <ButtonLink href="/questions" variant="secondary">
            Browse questions
          </ButtonLink>
          <ButtonLink href="/interviews" variant="secondary">
            Your interviews
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="settings" className="rounded-lg border border-slate-200 p-6 dark:border-slate-800">
        <h2 id="settings" className="font-semibold">
          Settings
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Need more time? Extended time becomes the default for new interviews; you can still change it each time.
        </p>
        <div className="mt-4">
          <TimingSettings current={timeMultiplier} />
        </div>
      </section>
    </div>
  );
}
