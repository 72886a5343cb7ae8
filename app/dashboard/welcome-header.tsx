import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { SessionUser } from "@/lib/data/users";

export function WelcomeHeader({ user, due }: { user: SessionUser; due: number }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <p className="mt-1 text-sm wrap-anywhere text-slate-700 dark:text-slate-300">
          Signed in as {user.email}
          {user.role === "ADMIN" ? " · administrator" : ""} ·{" "}
          <Link href="/account" className="underline">
            Account and data
          </Link>
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/interviews/new">Start a mock interview</ButtonLink>
        <ButtonLink href="/review" variant="secondary">
          Review{due ? ` (${due} due)` : ""}
        </ButtonLink>
      </div>
    </div>
  );
}
