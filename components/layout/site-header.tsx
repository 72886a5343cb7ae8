import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { RunningInterview } from "@/lib/interviews/running";
import type { SessionUser } from "@/lib/data/users";
import { MainNav } from "./main-nav";
import { RunningInterviewMarker } from "./running-interview-marker";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export const navigation = [
  { href: "/questions", label: "Questions" },
  { href: "/companies", label: "Companies" },
  { href: "/interviews", label: "Interviews" },
  { href: "/review", label: "Review" },
  { href: "/notes", label: "Notes" },
  { href: "/sets", label: "Sets" },
  { href: "/dashboard", label: "Dashboard" },
] as const;

export function SiteHeader({
  user,
  running = null,
  renderedAt,
}: {
  user: SessionUser | null;
  /** The signed-in user's running interview to offer to resume. */
  running?: RunningInterview | null;
  /** The server's time of rendering, where the marker's clock starts. */
  renderedAt: string;
}) {
  return (
    <header className="relative border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl items-center gap-x-2 px-3 py-2 sm:gap-x-3 sm:px-4">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700 dark:text-brand-100">
          Mockroom
        </Link>
        <MainNav items={navigation} />
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          {user ? (
            <UserMenu user={user} />
          ) : (
            <>
              <Link
                href="/sign-in"
                className="rounded-md px-2 py-1.5 text-sm whitespace-nowrap hover:bg-slate-100 sm:px-3 dark:hover:bg-slate-800"
              >
                Sign in
              </Link>
              <ButtonLink href="/sign-up" className="px-3 py-1.5 whitespace-nowrap">
                Sign up
              </ButtonLink>
            </>
          )}
        </div>
      </div>
      {user ? <RunningInterviewMarker initial={running} renderedAt={renderedAt} /> : null}
    </header>
  );
}
