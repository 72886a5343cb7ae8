import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { SessionUser } from "@/lib/data/users";
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

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700 dark:text-brand-100">
          Mockroom
        </Link>
        <nav aria-label="Main" className="order-3 -mx-2 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
          {navigation.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          {user ? (
            <UserMenu user={user} />
          ) : (
            <>
              <Link
                href="/sign-in"
                className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                Sign in
              </Link>
              <ButtonLink href="/sign-up" className="px-3 py-1.5">
                Sign up
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
