import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { adminFormat, contentHistory } from "@/lib/data/content-admin";
import { ContentHistory } from "@/components/admin/content-history";
import { listTopics } from "@/lib/data/questions";
import { slugSchema } from "@/lib/schemas/content";
import { FormatEditor } from "@/components/admin/format-editor";

export const metadata: Metadata = { title: "Edit interview format · Admin" };

export default async function AdminFormatPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireAdmin();
  const { slug } = await params;
  const format = slugSchema.safeParse(slug).success ? await adminFormat(slug) : null;
  if (!format) notFound();
  const [topics, history] = await Promise.all([listTopics(), contentHistory("format", slug)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin/formats">Interview formats</BackLink>
        <h1 className="text-2xl font-semibold">Edit: {format.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/companies/${format.slug}`} className="text-brand-700 underline dark:text-brand-100">
            /companies/{format.slug}
          </Link>
          {format.editedAt
            ? " · edited here: npm run seed keeps this version until seed/companies.json says the same"
            : ""}
        </p>
      </div>
      <FormatEditor initial={format} topics={topics.map((t) => ({ slug: t.slug, name: t.name }))} />
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <ContentHistory entries={history} area="formats" loaded={{ [format.slug]: format.updatedAt }} />
      </section>
    </div>
  );
}
