import { ButtonLink } from "@/components/ui/button";

export function GettingStarted() {
  return (
    <section aria-labelledby="start" className="rounded-lg border border-slate-200 p-6 dark:border-slate-800">
      <h2 id="start" className="font-semibold">
        Where to start
      </h2>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Take a mock interview, or practise single questions from the bank: your progress, weak topics and revision queue
        build up here.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <ButtonLink href="/questions" variant="secondary">
          Browse questions
        </ButtonLink>
        <ButtonLink href="/companies" variant="secondary">
          Company formats
        </ButtonLink>
      </div>
    </section>
  );
}
