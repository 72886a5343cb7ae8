import type { Metadata } from "next";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage() {
  const user = await getCurrentUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Notes</h1>
      {user ? (
        <EmptyState title="No notes yet">
          Notes on questions open in an upcoming release. Everything you write will be private, searchable and exportable.
        </EmptyState>
      ) : (
        <SignInToUse what="Keep private notes on every question and find them again with full-text search." returnTo="/notes" />
      )}
    </div>
  );
}
