// The question page's sidebar: where the question is asked, its tags and its neighbours in the bank.
import Link from "next/link";
import type { QuestionDetail } from "@/lib/schemas/questions";

type Props = { question: Pick<QuestionDetail, "companies" | "tags" | "related"> };

export function QuestionSidebar({ question }: Props) {
  return (
    <aside className="space-y-6 text-sm">
      {question.companies.length ? <AskedBySection companies={question.companies} /> : null}
      {question.tags.length ? <TagsSection tags={question.tags} /> : null}
      {question.related.length ? <RelatedSection related={question.related} /> : null}
    </aside>
  );
}

const frequency = ["", "sometimes", "often", "very often"];

function AskedBySection({ companies }: { companies: QuestionDetail["companies"] }) {
  return (
    <section aria-labelledby="asked-by">
      <h2 id="asked-by" className="font-semibold">
        Practice formats that ask it
      </h2>
      <ul className="mt-2 space-y-1">
        {companies.map((company) => (
          <li key={company.slug}>
            <Link href={`/companies/${company.slug}`} className="hover:underline">
              {company.name}
            </Link>
            {company.frequency ? (
              <span className="text-slate-600 dark:text-slate-400"> · {frequency[company.frequency]}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TagsSection({ tags }: { tags: string[] }) {
  return (
    <section aria-labelledby="tags">
      <h2 id="tags" className="font-semibold">
        Tags
      </h2>
      <p className="mt-2 flex flex-wrap gap-1">
        {tags.map((tag) => (
          <Link
            key={tag}
            href={`/questions?tag=${tag}`}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs hover:underline dark:bg-slate-800"
          >
            #{tag}
          </Link>
        ))}
      </p>
    </section>
  );
}

function RelatedSection({ related }: { related: QuestionDetail["related"] }) {
  return (
    <section aria-labelledby="related">
      <h2 id="related" className="font-semibold">
        Related questions
      </h2>
      <ul className="mt-2 space-y-2">
        {related.map((question) => (
          <li key={question.slug}>
            <Link href={`/questions/${question.slug}`} className="hover:underline">
              {question.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
