import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { getBankSummary } from "@/lib/data/bank-summary";
import { pluralWord } from "@/lib/format/format";
import { getFormat } from "@/lib/format/request";

const features = [
  {
    title: "A question bank that answers",
    body: "Concept questions with complete model answers and the key points an interviewer listens for.",
  },
  {
    title: "Mock interviews under a real clock",
    body: "Company-style formats with a timer the server keeps honest, and answers that save as you type.",
  },
  {
    title: "Your history, kept private",
    body: "Every answer, attempt and note stays yours: review it, revise weak topics, export it any time.",
  },
];

export default async function LandingPage() {
  const [user, bank, format] = await Promise.all([getCurrentUser().catch(() => null), getBankSummary(), getFormat()]);
  const inside = [
    { n: bank.questions, noun: "concept question", href: "/questions?kind=written" },
    { n: bank.topics.length, noun: "topic", href: "/questions" },
    { n: bank.companies, noun: { one: "company format", other: "company formats" }, href: "/companies" },
    { n: bank.codingProblems, noun: "coding problem", href: "/questions?kind=coding" },
    { n: bank.sqlProblems, noun: "SQL problem", href: "/questions?kind=coding&topic=sql-postgresql" },
  ];
  return (
    <div className="space-y-16">
      <section className="mx-auto max-w-3xl space-y-6 pt-8 text-center">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Practise the interview before it happens.</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          Mockroom is a practice room for technical concept interviews, starting with Django: answer real questions
          under a clock, compare your answers with model answers, and see what to revise next. It is open source, fast,
          private, and you can host it yourself.
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          {bank.sample ? (
            <ButtonLink href={`/questions/${bank.sample.slug}`} variant={user ? "secondary" : "primary"}>
              Try a question{user ? "" : ", no account needed"}
            </ButtonLink>
          ) : null}
          {user ? (
            <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
          ) : (
            <>
              <ButtonLink href="/sign-up" variant="secondary">
                Create a free account
              </ButtonLink>
              <ButtonLink href="/sign-in" variant="ghost">
                Sign in
              </ButtonLink>
            </>
          )}
        </div>
        {bank.sample ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            First up: “{bank.sample.title}” ({bank.sample.topic}).
          </p>
        ) : null}
      </section>
      <section aria-labelledby="inside" className="space-y-6">
        <h2 id="inside" className="text-center text-xl font-semibold">
          What is inside
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {inside.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block rounded-lg border border-slate-200 p-4 text-center hover:border-brand-500 dark:border-slate-800"
              >
                <span className="block text-3xl font-bold tabular-nums">{format.number(item.n)}</span>
                <span className="text-sm text-slate-700 dark:text-slate-300">{pluralWord(item.n, item.noun)}</span>
              </Link>
            </li>
          ))}
        </ul>
        {bank.topics.length ? (
          <ul aria-label="Topics" className="flex flex-wrap justify-center gap-2">
            {bank.topics.map((topic) => (
              <li key={topic.slug}>
                <Link
                  href={`/questions?topic=${topic.slug}`}
                  className="inline-block rounded-full border border-slate-200 px-3 py-1 text-sm hover:border-brand-500 dark:border-slate-800"
                >
                  {topic.name}{" "}
                  <span className="text-slate-600 tabular-nums dark:text-slate-400">
                    {format.number(topic.questionCount)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="features" className="grid gap-4 sm:grid-cols-3">
        <h2 id="features" className="sr-only">
          What you get
        </h2>
        {features.map((feature) => (
          <div key={feature.title} className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
            <h3 className="font-semibold">{feature.title}</h3>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{feature.body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
