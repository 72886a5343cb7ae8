// The question page's top: where the question sits in the bank, its title and what kind of question it is.
import Link from "next/link";
import { DifficultyBadge } from "@/components/questions/question-card";
import { Badge } from "@/components/ui/badge";
import type { QuestionDetail } from "@/lib/schemas/questions";

type Props = { question: Pick<QuestionDetail, "title" | "topic" | "difficulty" | "kind" | "estimatedMinutes"> };

export function QuestionHeader({ question }: Props) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/questions" className="hover:underline">
          Questions
        </Link>{" "}
        /{" "}
        <Link href={`/questions?topic=${question.topic.slug}`} className="hover:underline">
          {question.topic.name}
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">{question.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <DifficultyBadge difficulty={question.difficulty} />
          {question.kind === "coding" ? <Badge tone="brand">Coding</Badge> : <Badge>Written</Badge>}
          <span className="text-slate-600 dark:text-slate-400">about {question.estimatedMinutes} min</span>
        </div>
      </header>
    </>
  );
}
