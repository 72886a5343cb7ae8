"use client";
// A file input that looks like the app's buttons: the real <input type="file"> stays in the tab order (visually
// hidden), so Space or Enter opens the picker, its label is the visible button, and the chosen file's name is
// shown and announced.
import { useState, type ComponentProps } from "react";

type Props = Omit<ComponentProps<"input">, "type" | "className"> & {
  id: string;
  /** The button's words, e.g. "Choose a file". */
  buttonLabel: string;
};

export function FilePicker({ id, buttonLabel, onChange, ...input }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <input
        {...input}
        id={id}
        type="file"
        aria-describedby={`${id}-chosen`}
        className="peer sr-only"
        onChange={(event) => {
          setChosen(event.currentTarget.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        {buttonLabel}
      </label>
      <span id={`${id}-chosen`} aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {chosen ?? "No file chosen"}
      </span>
    </span>
  );
}
