import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Markdown } from "@/components/questions/markdown";
import { ButtonLink } from "@/components/ui/button";
import { getCompany } from "@/lib/data/companies";
import { getFormat } from "@/lib/format/request";
import { slugSchema } from "@/lib/schemas/content";

type Params = Promise<{ slug: string }>;

const load = cache(async (slug: string) => (slugSchema.safeParse(slug).success ? getCompany(slug) : null));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const company = await load((await params).slug);
  return { title: company ? `${company.name} interview format` : "Company not found" };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export default async function CompanyPage({ params }: { params: Params }) {
  const company = await load((await params).slug);
  if (!company) notFound();
  const format = await getFormat();
  const totalWeight = company.topics.reduce((sum, t) => sum + t.weight, 0) || 1;
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/companies" className="hover:underline">
          Company formats
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{company.name}</h1>
        <p className="text-slate-700 dark:text-slate-300">{company.description}</p>
      </header>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[
          ["Duration", `${format.number(company.durationMinutes)} min`],
          ["Questions", format.number(company.questionCount)],
          ["Coding problems", format.number(company.codingProblems)],
          ["In the bank", format.count(company.bankQuestions, "question")],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="topics" className="space-y-3">
        <h2 id="topics" className="font-semibold">
          Topics it weighs
        </h2>
        <ul className="space-y-2">
          {company.topics.map((topic) => (
            <li
              key={topic.slug}
              className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3 text-sm sm:grid-cols-[14rem_1fr_3rem]"
            >
              <Link
                href={`/questions?topic=${topic.slug}&company=${company.slug}`}
                className="truncate hover:underline"
              >
                {topic.name}
              </Link>
              <span className="h-2 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                <span
                  className="block h-2 rounded bg-brand-500"
                  style={{ width: percent(topic.weight / totalWeight) }}
                />
              </span>
              <span className="text-right tabular-nums">{percent(topic.weight / totalWeight)}</span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Difficulty mix: {percent(company.difficultyMix.easy)} easy, {percent(company.difficultyMix.medium)} medium,{" "}
          {percent(company.difficultyMix.hard)} hard.
        </p>
      </section>
      <section aria-labelledby="style" className="space-y-2">
        <h2 id="style" className="font-semibold">
          What to expect
        </h2>
        <Markdown id="style-notes" source={company.styleNotes} />
      </section>
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink href={`/interviews/new?company=${company.slug}`}>Start a mock interview</ButtonLink>
        <Link
          href={`/questions?company=${company.slug}`}
          className="text-sm font-medium text-brand-700 underline dark:text-brand-100"
        >
          Browse the questions this format asks
        </Link>
      </div>
    </div>
  );
}
