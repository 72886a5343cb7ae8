import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { QuestionMarks } from "@/lib/data/question-marks";
import type { QuestionListItem } from "@/lib/schemas/questions";

export function DifficultyBadge({ difficulty }: { difficulty: "easy" | "medium" | "hard" }) {
  return <Badge tone={difficulty}>{difficulty[0]!.toUpperCase() + difficulty.slice(1)}</Badge>;
}

const markNames = [
  ["practised", "Practised", "✓"],
  ["bookmarked", "Bookmarked", "★"],
  ["noted", "Note", "✎"],
] as const;

/** What the signed-in user did with the question: practised, bookmarked, has a note. Nothing when signed out. */
function Marks({ marks }: { marks: QuestionMarks }) {
  const shown = markNames.filter(([key]) => marks[key]);
  if (!shown.length) return null;
  return (
    <ul aria-label="Your activity" className="flex shrink-0 flex-wrap gap-1" data-testid="question-marks">
      {shown.map(([key, label, icon]) => (
        <li
          key={key}
          className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:border-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
        >
          <span aria-hidden="true">{icon}</span>
          {label}
        </li>
      ))}
    </ul>
  );
}

export function QuestionCard({ question, marks }: { question: QuestionListItem; marks?: QuestionMarks }) {
  return (
    <li className="rounded-lg border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="font-medium wrap-anywhere">
          <Link href={`/questions/${question.slug}`} className="hover:underline">
            {question.titleHtml ? (
              // snippetHtml() escaped the title; the only markup is our <mark>.
              <span dangerouslySetInnerHTML={{ __html: question.titleHtml }} />
            ) : (
              question.title
            )}
          </Link>
        </h2>
        {marks ? <Marks marks={marks} /> : null}
      </div>
      {question.snippet ? (
        // snippetHtml() escaped the text; the only markup is our <mark>.
        <p
          className="mt-1 text-sm wrap-anywhere text-slate-700 dark:text-slate-300"
          dangerouslySetInnerHTML={{ __html: `…${question.snippet}…` }}
        />
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <Link href={`/questions?topic=${question.topic.slug}`} className="hover:underline">
          {question.topic.name}
        </Link>
        <DifficultyBadge difficulty={question.difficulty} />
        {question.kind === "coding" ? <Badge tone="brand">Coding</Badge> : null}
        {question.partial ? <Badge>Partial match</Badge> : null}
        {question.tags.slice(0, 4).map((tag) => (
          <Link
            key={tag}
            href={`/questions?tag=${tag}`}
            className="rounded bg-slate-100 px-1.5 py-0.5 hover:underline dark:bg-slate-800"
          >
            #{tag}
          </Link>
        ))}
      </div>
    </li>
  );
}
