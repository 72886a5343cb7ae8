import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { QuestionListItem } from "@/lib/schemas/questions";

export function DifficultyBadge({ difficulty }: { difficulty: "easy" | "medium" | "hard" }) {
  return <Badge tone={difficulty}>{difficulty[0]!.toUpperCase() + difficulty.slice(1)}</Badge>;
}

export function QuestionCard({ question }: { question: QuestionListItem }) {
  return (
    <li className="rounded-lg border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-800">
      <h2 className="font-medium">
        <Link href={`/questions/${question.slug}`} className="hover:underline">
          {question.titleHtml ? (
            // snippetHtml() escaped the title; the only markup is our <mark>.
            <span dangerouslySetInnerHTML={{ __html: question.titleHtml }} />
          ) : (
            question.title
          )}
        </Link>
      </h2>
      {question.snippet ? (
        // snippetHtml() escaped the text; the only markup is our <mark>.
        <p
          className="mt-1 text-sm text-slate-700 dark:text-slate-300"
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
