import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { getDashboard } from "@/lib/data/dashboard";
import { listRunningInterviews } from "@/lib/data/interview-history";
import { getTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/auth/session";
import { GettingStarted } from "./getting-started";
import { ProgressStats } from "./progress-stats";
import { RecentActivity } from "./recent-activity";
import { RunningInterviews } from "./running-interviews";
import { SettingsSection } from "./settings-section";
import { StrengthSection } from "./strength-section";
import { WelcomeHeader } from "./welcome-header";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const user = await requireUser();
  const [dashboard, timeMultiplier, running, { error }] = await Promise.all([
    getDashboard(user.id),
    getTimeMultiplier(user.id),
    listRunningInterviews(user.id),
    searchParams,
  ]);
  const started = dashboard.interviews > 0 || dashboard.practised > 0 || dashboard.notes > 0;
  return (
    <div className="space-y-8">
      <WelcomeHeader user={user} due={dashboard.due} />
      <RunningInterviews running={running} renderedAt={new Date().toISOString()} />
      {error === "topics" ? <Alert tone="error">Those topics have no questions to practise right now.</Alert> : null}
      <ProgressStats dashboard={dashboard} />
      {!started ? <GettingStarted /> : null}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <StrengthSection topics={dashboard.topics} weakest={dashboard.weakest} />
        <RecentActivity recent={dashboard.recent} />
      </div>
      <SettingsSection timeMultiplier={timeMultiplier} timeZone={dashboard.timeZone} />
    </div>
  );
}
