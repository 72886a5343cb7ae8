import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { requireAdmin } from "@/lib/auth/session";
import { GuideImport } from "@/components/admin/guide-import";

export const metadata: Metadata = { title: "Import a guide · Admin" };

/** Import a markdown guide: a dry-run report first, then the import in one transaction (ADMIN only). */
export default async function ImportPage() {
  await requireAdmin();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin">Admin</BackLink>
        <h1 className="text-2xl font-semibold">Import a guide</h1>
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          A markdown interview guide in the shape <code>npm run import</code> reads: a <code>#</code> title, a{" "}
          <code>#</code> heading per topic, and questions as <code>&lt;details&gt;&lt;summary&gt;</code> blocks with
          their answers (or plain lines, still to be answered). Up to 5 MB. You see what it would change before anything
          is written; importing the same guide again creates nothing new.
        </p>
      </div>
      <GuideImport />
    </div>
  );
}
