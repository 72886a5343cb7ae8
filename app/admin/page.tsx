import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { openReportCount } from "@/lib/data/reports";
import { Count } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Admin" };

/** The admin area's front page (ADMIN role only; anyone else signed in gets a 404). */
export default async function AdminPage() {
  await requireAdmin();
  const open = await openReportCount();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">
            <Link href="/admin/reports" className="hover:underline">
              Reports from users
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {open ? (
              <Count n={open} noun={{ one: "open report waits", other: "open reports wait" }} />
            ) : (
              "No open reports."
            )}{" "}
            Read what users found wrong, fix it, and reply: they see the reply on the question page.
          </p>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">
            <Link href="/admin/questions" className="hover:underline">
              Questions
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Create, edit and archive questions with their rubric; every save is a revision you can compare and restore.
            A coding problem’s code and tests are saved once they pass when run in your browser.
          </p>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">
            <Link href="/admin/topics" className="hover:underline">
              Topics
            </Link>{" "}
            and{" "}
            <Link href="/admin/formats" className="hover:underline">
              interview formats
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Rename and order topics; set each format’s length, questions, topic weights and difficulty mix.
          </p>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">
            <Link href="/admin/packs" className="hover:underline">
              Content packs
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Install, update or disable packs of questions and formats, and download the whole bank as one.
          </p>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">
            <Link href="/admin/import" className="hover:underline">
              Import a guide
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Bring in a markdown interview guide: see what it would add, line-numbered problems included, then import it
            or cancel.
          </p>
        </li>
      </ul>
    </div>
  );
}
