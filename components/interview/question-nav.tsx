import type { TextState } from "@/components/autosave/protocol";

type Item = { id: string; position: number; flagged: boolean };

export function QuestionNav({
  items,
  answers,
  current,
  onSelect,
}: {
  items: Item[];
  answers: Record<string, TextState>;
  current: number;
  onSelect: (index: number) => void;
}) {
  return (
    <nav aria-label="Questions in this interview">
      <ol className="flex flex-wrap gap-2">
        {items.map((item, index) => {
          const answered = (answers[item.id]?.content.trim().length ?? 0) > 0;
          const state = `${answered ? "answered" : "empty"}${item.flagged ? ", flagged" : ""}`;
          return (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => onSelect(index)}
                aria-current={index === current ? "step" : undefined}
                aria-label={`Question ${index + 1}, ${state}`}
                // The current question is a filled square; focus is the outline ring around a square, so
                // the two never look alike (a focused current question shows both).
                className={`relative h-9 w-9 rounded-md border text-sm font-medium ${
                  index === current
                    ? "border-brand-700 bg-brand-700 text-white dark:border-brand-100 dark:bg-brand-100 dark:text-slate-950"
                    : answered
                      ? "border-brand-100 bg-brand-50 text-brand-700 dark:border-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
                      : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
                } focus-visible:outline-3 focus-visible:outline-offset-2`}
              >
                {index + 1}
                {item.flagged ? (
                  <span aria-hidden="true" className="absolute -top-1 -right-1 text-xs text-amber-600">
                    ⚑
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
