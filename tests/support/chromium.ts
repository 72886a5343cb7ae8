// Which Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's old headless shell
// (/usr/bin/chromium-headless-shell, the build Playwright itself uses for headless runs: no browser UI or GPU
// process work, about a third less CPU over the suite than the full browser in headless mode), else Debian's
// /usr/bin/chromium, else Playwright's own download. Null when there is none.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) return fs.existsSync(configured) ? configured : null;
  for (const candidate of ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    return bundled && fs.existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export const NO_CHROMIUM_MESSAGE =
  "No Chromium for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.";

/** Flags for Chromium here: running as root without a sandbox, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
