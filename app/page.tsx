import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";

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
  const user = await getCurrentUser().catch(() => null);
  return (
    <div className="space-y-16">
      <section className="mx-auto max-w-3xl space-y-6 pt-8 text-center">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Practise the interview before it happens.</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          Mockroom is a practice room for technical concept interviews: answer real questions under a clock, compare
          your answers with model answers, and see what to revise next. It is open source, fast, private, and you can
          host it yourself.
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          {user ? (
            <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
          ) : (
            <>
              <ButtonLink href="/sign-up">Create a free account</ButtonLink>
              <ButtonLink href="/sign-in" variant="secondary">
                Sign in
              </ButtonLink>
            </>
          )}
        </div>
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
