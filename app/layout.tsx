import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { FormatProvider } from "@/components/ui/format-provider";
import { getCurrentUser } from "@/lib/auth/session";
import { getFormatSettings } from "@/lib/format/request";
import { listRunningInterviews } from "@/lib/data/interview-history";
import { mainRunning } from "@/lib/interviews/running";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mockroom — practise concept interviews", template: "%s · Mockroom" },
  description:
    "A question bank with model answers, timed mock interviews per company profile, and a private history of your answers.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const [user, format] = await Promise.all([getCurrentUser().catch(() => null), getFormatSettings()]);
  const running = user ? mainRunning(await listRunningInterviews(user.id).catch(() => [])) : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-screen flex-col">
        {/* next-themes: its inline script (with the request's nonce, for the CSP) sets html's class before the
            body paints; the key is the one the theme toggle has always used, so a stored choice carries over. */}
        <ThemeProvider
          attribute="class"
          defaultTheme="system"
          enableSystem
          enableColorScheme={false}
          // Colours switch at once when the theme (or the system's) changes, not each at its own transition's pace.
          disableTransitionOnChange
          storageKey="mockroom-theme"
          nonce={nonce}
        >
          <a
            href="#content"
            className="sr-only z-50 rounded-md bg-brand-600 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:top-4 focus:left-4"
          >
            Skip to content
          </a>
          <SiteHeader user={user} running={running} renderedAt={new Date().toISOString()} />
          <main id="content" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
            <FormatProvider settings={format}>{children}</FormatProvider>
          </main>
          <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            Mockroom — open, private interview practice you can host yourself.
          </footer>
        </ThemeProvider>
      </body>
    </html>
  );
}
