import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Questions" };

export default function QuestionsPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Questions</h1>
      <EmptyState title="The question bank is on its way">
        Questions with model answers and key points, searchable by topic, difficulty and company, open in an upcoming release.
      </EmptyState>
    </div>
  );
}
