import type { Metadata } from "next";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { Markdown } from "@/components/questions/markdown";
import { Alert } from "@/components/ui/alert";
import { ReviewSession } from "@/components/review/review-session";
import { reviewQueue } from "@/lib/data/review";
import { getCurrentUser } from "@/lib/auth/session";
import { pluralWord } from "@/lib/format/format";
import { getFormat } from "@/lib/format/request";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Review</h1>
        <SignInToUse
          what="Spaced repetition brings back the questions you are about to forget, a few each day."
          returnTo="/review"
        />
      </div>
    );
  }
  const [queue, format] = await Promise.all([reviewQueue(user.id), getFormat()]);
  const held = (forms: { one: string; other: string }) => pluralWord(queue.withheld, forms);
  const items = [...queue.due, ...queue.later].map((card, i) => ({
    slug: card.question.slug,
    title: card.question.title,
    topic: card.question.topic.name,
    reason: card.reason,
    next: card.next,
    prompt:
      card.question.prompt.trim() !== card.question.title.trim() ? (
        <Markdown id={`prompt-${i}`} source={card.question.prompt} />
      ) : null,
    answer: card.question.modelAnswer ? (
      <Markdown id={`answer-${i}`} source={card.question.modelAnswer} />
    ) : (
      <p className="text-sm">This question has no model answer yet.</p>
    ),
  }));
  const shown = queue.due.length + queue.later.length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Review</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {shown === 50 ? "The first 50 due today. " : ""}Scheduled with FSRS: the better you recall, the longer until
          you see it again.
        </p>
      </div>
      {queue.withheld ? (
        <Alert>
          {format.count(queue.withheld, "due question")} {held({ one: "is", other: "are" })} held back: your timed
          interview asks {held({ one: "it", other: "them" })}. {held({ one: "It comes", other: "They come" })} back here
          when the interview ends.
        </Alert>
      ) : null}
      <ReviewSession
        items={items}
        sitting={{
          queue: queue.due.map((c) => c.question.slug),
          waiting: queue.later.map((c) => ({ slug: c.question.slug, due: new Date(c.due).getTime() })),
        }}
        doneToday={queue.doneToday}
        endOfDay={new Date(queue.endOfDay).getTime()}
        upcoming={queue.upcoming}
        renderedAt={new Date(queue.asOf).getTime()}
      />
    </div>
  );
}
