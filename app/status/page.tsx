import type { Metadata } from "next";
import Link from "next/link";
import packageJson from "@/package.json";

export const metadata: Metadata = { title: "Status" };
export const dynamic = "force-dynamic";

/**
 * Says which version answers, with the site's own layout and nothing else: for people running Mockroom, and the
 * benchmark's page baseline (the cost of rendering any page, signed in or not; bench/run.ts). The database's
 * state is at /api/health.
 */
export default function StatusPage() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-semibold">Status</h1>
      <p className="text-slate-700 dark:text-slate-300">Mockroom {packageJson.version} is serving pages.</p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The database and the version, as JSON:{" "}
        <Link href="/api/health" className="font-medium text-brand-700 underline dark:text-brand-100">
          /api/health
        </Link>
        .
      </p>
    </div>
  );
}
