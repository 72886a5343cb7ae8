"use client";

import { useEffect, useState } from "react";

type Choice = "system" | "light" | "dark";
const next: Record<Choice, Choice> = { system: "light", light: "dark", dark: "system" };
const labels: Record<Choice, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const icons: Record<Choice, string> = { system: "◐", light: "☀", dark: "☾" };

function apply(choice: Choice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function ThemeToggle() {
  const [choice, setChoice] = useState<Choice>("system");

  useEffect(() => {
    const stored = localStorage.getItem("mockroom-theme");
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the stored choice is only readable after hydration
    if (stored === "light" || stored === "dark") setChoice(stored);
    const media = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply((localStorage.getItem("mockroom-theme") as Choice | null) ?? "system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  function cycle() {
    const value = next[choice];
    setChoice(value);
    if (value === "system") localStorage.removeItem("mockroom-theme");
    else localStorage.setItem("mockroom-theme", value);
    apply(value);
  }

  return (
    <button
      type="button"
      onClick={cycle}
      aria-label={`${labels[choice]}. Change theme`}
      title={labels[choice]}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-lg text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{icons[choice]}</span>
    </button>
  );
}
