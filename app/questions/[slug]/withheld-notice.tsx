// Shown instead of the answer and practice while the user's own timed interview asks this question.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { WITHHELD_NOTE } from "@/lib/data/withheld";

export function WithheldNotice({ interviewId }: { interviewId: string }) {
  return (
    <Alert>
      {WITHHELD_NOTE}{" "}
      <Link href={`/interviews/${interviewId}`} className="font-medium underline">
        Back to the interview
      </Link>
    </Alert>
  );
}
