import type { Metadata } from "next";
import { StartForm } from "@/components/interview/start-form";
import { TailorForm } from "@/components/ai/tailor-form";
import { aiSettings } from "@/lib/ai/model";
import { EmptyState } from "@/components/ui/empty-state";
import { listCompanies } from "@/lib/data/companies";
import { listTopics } from "@/lib/data/questions";
import { getTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Start a mock interview" };

export default async function NewInterviewPage({ searchParams }: { searchParams: Promise<{ company?: string }> }) {
  const user = await requireUser();
  const ai = aiSettings();
  const [companies, topics, timeMultiplier, { company }] = await Promise.all([
    listCompanies(),
    listTopics(),
    getTimeMultiplier(user.id),
    searchParams,
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Start a mock interview</h1>
      {companies.length === 0 ? (
        <EmptyState title="No company formats yet">Run npm run seed to load them.</EmptyState>
      ) : (
        <>
          <StartForm
            companies={companies}
            topics={topics.filter((t) => t.questionCount > 0)}
            defaultCompany={typeof company === "string" ? company : undefined}
            defaultMultiplier={timeMultiplier}
          />
          {ai ? <TailorForm companies={companies} settings={ai} /> : null}
        </>
      )}
    </div>
  );
}
