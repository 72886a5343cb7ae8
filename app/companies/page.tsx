import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { listCompanies } from "@/lib/data/companies";
import { getFormat } from "@/lib/format/request";

export const metadata: Metadata = { title: "Company interview formats" };

export default async function CompaniesPage() {
  const [companies, format] = await Promise.all([listCompanies(), getFormat()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Company interview formats</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Practice formats, some inspired by public candidate reports and some generic. None of them is a company&apos;s
          official process.
        </p>
      </div>
      {companies.length === 0 ? (
        <EmptyState title="No company profiles yet">Run npm run seed to load them.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {companies.map((company) => (
            <li
              key={company.slug}
              className="rounded-lg border border-slate-200 p-5 hover:border-brand-500 dark:border-slate-800"
            >
              <h2 className="font-semibold">
                <Link href={`/companies/${company.slug}`} className="hover:underline">
                  {company.name}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {format.count(company.durationMinutes, "minute")} · {format.count(company.questionCount, "question")}
                {company.codingProblems ? ` · ${format.number(company.codingProblems)} coding` : ""}
              </p>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{company.description}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
