import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { requireAdmin } from "@/lib/auth/session";
import { listCompanies } from "@/lib/data/companies";
import { listTopics } from "@/lib/data/questions";
import { QuestionEditor } from "@/components/admin/question-editor";

export const metadata: Metadata = { title: "New question · Admin" };

export default async function NewQuestionPage() {
  await requireAdmin();
  const [topics, companies] = await Promise.all([listTopics(), listCompanies()]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin/questions">Questions</BackLink>
        <h1 className="text-2xl font-semibold">New question</h1>
      </div>
      <QuestionEditor
        initial={null}
        topics={topics.map((t) => ({ slug: t.slug, name: t.name }))}
        companies={companies.map((c) => ({ slug: c.slug, name: c.name }))}
      />
    </div>
  );
}
