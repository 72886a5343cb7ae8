"use client";
// The key points of a question and what an interviewer listens for in each (lib/schemas/rubric.ts): required
// concepts, each a name and the expressions that count as it (one per line), and disqualifiers, the wrong claims
// that must not count. docs/scoring.md says how they are matched.
import type { EditableFields } from "@/lib/schemas/question-editor";

type KeyPoint = EditableFields["keyPoints"][number];
type Concept = KeyPoint["concepts"][number];

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950";
const small =
  "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900";

export const emptyConcept = (): Concept => ({ name: "", any: [] });
export const emptyKeyPoint = (): KeyPoint => ({ text: "", concepts: [emptyConcept()], disqualifiers: [] });

type Props = {
  points: KeyPoint[];
  onChange: (points: KeyPoint[]) => void;
  /** Server messages by path ("keyPoints.0.concepts.1.any"). */
  errors: Record<string, string[]>;
};

export function RubricEditor({ points, onChange, errors }: Props) {
  const update = (i: number, point: KeyPoint) => onChange(points.map((p, j) => (j === i ? point : p)));
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium">Key points and their rubric (3 to 6)</legend>
      {errors.keyPoints ? <FieldError messages={errors.keyPoints} /> : null}
      <ol className="space-y-4">
        {points.map((point, i) => (
          <li key={i} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1 space-y-1">
                <label htmlFor={`kp-${i}`} className="block text-sm font-medium">
                  Key point {i + 1}
                </label>
                <input
                  id={`kp-${i}`}
                  value={point.text}
                  maxLength={200}
                  onChange={(e) => update(i, { ...point, text: e.target.value })}
                  aria-invalid={errors[`keyPoints.${i}.text`] ? true : undefined}
                  className={input}
                />
                {errors[`keyPoints.${i}.text`] ? <FieldError messages={errors[`keyPoints.${i}.text`]!} /> : null}
              </div>
              <button
                type="button"
                className={`${small} mt-6`}
                disabled={points.length <= 3}
                onClick={() => onChange(points.filter((_, j) => j !== i))}
                aria-label={`Remove key point ${i + 1}`}
              >
                Remove
              </button>
            </div>
            <ConceptList
              label={`Key point ${i + 1}: required concepts`}
              hint="Every one must be heard; any expression of a concept counts as it."
              path={`keyPoints.${i}.concepts`}
              concepts={point.concepts}
              min={1}
              errors={errors}
              onChange={(concepts) => update(i, { ...point, concepts })}
            />
            <ConceptList
              label={`Key point ${i + 1}: disqualifiers`}
              hint="Wrong claims that must not count as covering the point."
              path={`keyPoints.${i}.disqualifiers`}
              concepts={point.disqualifiers}
              min={0}
              errors={errors}
              onChange={(disqualifiers) => update(i, { ...point, disqualifiers })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={small}
        disabled={points.length >= 6}
        onClick={() => onChange([...points, emptyKeyPoint()])}
      >
        Add a key point
      </button>
    </fieldset>
  );
}

function ConceptList({
  label,
  hint,
  path,
  concepts,
  min,
  errors,
  onChange,
}: {
  label: string;
  hint: string;
  path: string;
  concepts: Concept[];
  min: number;
  errors: Record<string, string[]>;
  onChange: (concepts: Concept[]) => void;
}) {
  const update = (i: number, concept: Concept) => onChange(concepts.map((c, j) => (j === i ? concept : c)));
  return (
    <fieldset className="space-y-2 pl-3">
      <legend className="text-xs font-semibold text-slate-700 dark:text-slate-300">{label}</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>
      {errors[path] ? <FieldError messages={errors[path]!} /> : null}
      {concepts.map((concept, i) => {
        const at = `${path}.${i}`;
        const anyErrors = Object.entries(errors)
          .filter(([key]) => key === `${at}.any` || key.startsWith(`${at}.any.`))
          .flatMap(([, messages]) => messages);
        return (
          <div key={i} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto]">
            <div>
              <label htmlFor={`${at}-name`} className="sr-only">
                {`${label} ${i + 1}: name`}
              </label>
              <input
                id={`${at}-name`}
                value={concept.name}
                placeholder="Name, e.g. a 403 response"
                maxLength={80}
                onChange={(e) => update(i, { ...concept, name: e.target.value })}
                aria-invalid={errors[`${at}.name`] ? true : undefined}
                className={input}
              />
              {errors[`${at}.name`] ? <FieldError messages={errors[`${at}.name`]!} /> : null}
            </div>
            <div>
              <label htmlFor={`${at}-any`} className="sr-only">
                {`${label} ${i + 1}: expressions, one per line`}
              </label>
              <textarea
                id={`${at}-any`}
                value={concept.any.join("\n")}
                rows={Math.min(6, Math.max(2, concept.any.length + 1))}
                placeholder={"One expression per line:\n403\nforbidden"}
                onChange={(e) => update(i, { ...concept, any: e.target.value.split("\n") })}
                aria-invalid={anyErrors.length ? true : undefined}
                className={`${input} font-mono`}
              />
              {anyErrors.length ? <FieldError messages={anyErrors} /> : null}
            </div>
            <button
              type="button"
              className={`${small} self-start`}
              disabled={concepts.length <= min}
              onClick={() => onChange(concepts.filter((_, j) => j !== i))}
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className={small}
        disabled={concepts.length >= 4}
        onClick={() => onChange([...concepts, emptyConcept()])}
      >
        {min ? "Add a concept" : "Add a disqualifier"}
      </button>
    </fieldset>
  );
}

export function FieldError({ messages }: { messages: string[] }) {
  return <p className="text-xs text-rose-700 dark:text-rose-400">{messages.join(" ")}</p>;
}
