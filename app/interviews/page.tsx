import type { Metadata } from "next";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Interviews" };

export default async function InterviewsPage() {
  const user = await getCurrentUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Interviews</h1>
      {user ? (
        <EmptyState title="No interviews yet">
          Timed mock interviews per company profile open in an upcoming release. Your attempts will be listed here, newest first.
        </EmptyState>
      ) : (
        <SignInToUse what="Take timed mock interviews in a company's format and review every attempt afterwards." returnTo="/interviews" />
      )}
    </div>
  );
}
