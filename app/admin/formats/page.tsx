import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listAdminFormats } from "@/lib/data/content-admin";

export const metadata: Metadata = { title: "Interview formats · Admin" };

export default async function AdminFormatsPage() {
  await requireAdmin();
  const formats = await listAdminFormats();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin">Admin</BackLink>
        <h1 className="text-2xl font-semibold">Interview formats</h1>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {formats.map((f) => (
          <li key={f.slug} className="flex flex-wrap items-center gap-x-3 px-4 py-3 text-sm">
            <Link href={`/admin/formats/${f.slug}`} className="min-w-0 flex-1 font-medium hover:underline">
              {f.name}
            </Link>
            <span className="text-slate-600 dark:text-slate-400">
              {f.durationMinutes} min · {f.questionCount} questions
              {f.codingProblems ? ` (${f.codingProblems} coding)` : ""}
              {f.editedAt ? " · edited here" : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
