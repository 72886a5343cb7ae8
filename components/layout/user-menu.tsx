import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { SessionUser } from "@/lib/data/users";

const item = "block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800";

/** A disclosure menu (<details>): keyboard- and screen-reader-friendly without client code. */
export function UserMenu({ user }: { user: SessionUser }) {
  const label = user.name ?? user.email;
  return (
    <details className="relative">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
        >
          {label.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">{label}</span>
        <span className="sr-only">account menu</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="truncate px-3 py-2 text-xs text-slate-600 dark:text-slate-400">Signed in as {user.email}</p>
        <Link href="/dashboard" className={item}>
          Dashboard
        </Link>
        <Link href="/account" className={item}>
          Account and data
        </Link>
        {user.role === "ADMIN" ? (
          <Link href="/admin" className={item}>
            Admin
          </Link>
        ) : null}
        <SignOutButton className={item} />
      </div>
    </details>
  );
}
