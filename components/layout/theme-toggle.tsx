"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

type Choice = "system" | "light" | "dark";
const next: Record<Choice, Choice> = { system: "light", light: "dark", dark: "system" };
const labels: Record<Choice, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const icons: Record<Choice, string> = { system: "◐", light: "☀", dark: "☾" };

const subscribe = () => () => {};

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // The stored choice is only readable in the browser: the server and the hydrating render show "system",
  // the render after hydration the stored choice (false on the server and while hydrating, then true).
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const choice: Choice = hydrated && (theme === "light" || theme === "dark") ? theme : "system";

  return (
    <button
      type="button"
      onClick={() => setTheme(next[choice])}
      aria-label={`${labels[choice]}. Change theme`}
      title={labels[choice]}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-lg text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{icons[choice]}</span>
    </button>
  );
}
