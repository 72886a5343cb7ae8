"use client";

import { useEffect } from "react";

/** Adds a "Copy" button to every code block inside the container (progressive enhancement). */
export function CopyCodeButtons({ containerId }: { containerId: string }) {
  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const buttons: HTMLButtonElement[] = [];
    for (const pre of container.querySelectorAll("pre")) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      button.className =
        "absolute right-2 top-2 rounded border border-slate-300 bg-white/90 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200";
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(pre.querySelector("code")?.textContent ?? pre.textContent ?? "");
          button.textContent = "Copied";
        } catch {
          button.textContent = "Copy failed";
        }
        setTimeout(() => (button.textContent = "Copy"), 1500);
      });
      pre.style.position = "relative";
      pre.append(button);
      buttons.push(button);
    }
    return () => buttons.forEach((b) => b.remove());
  }, [containerId]);
  return null;
}
