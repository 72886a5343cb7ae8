import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { requireAdmin } from "@/lib/auth/session";
import { contentHistory, listAdminTopics } from "@/lib/data/content-admin";
import { ContentHistory } from "@/components/admin/content-history";
import { TopicsEditor } from "@/components/admin/topics-editor";

export const metadata: Metadata = { title: "Topics · Admin" };

export default async function AdminTopicsPage() {
  await requireAdmin();
  const [topics, history] = await Promise.all([listAdminTopics(), contentHistory("topic", undefined, 30)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin">Admin</BackLink>
        <h1 className="text-2xl font-semibold">Topics</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The bank lists topics by their order. A topic saved here stays as it is when <code>npm run seed</code> runs,
          until <code>seed/topics.json</code> says the same.
        </p>
      </div>
      <TopicsEditor topics={topics} />
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <ContentHistory
          entries={history}
          area="topics"
          loaded={Object.fromEntries(topics.map((t) => [t.slug, t.updatedAt]))}
          showKey
        />
      </section>
    </div>
  );
}
