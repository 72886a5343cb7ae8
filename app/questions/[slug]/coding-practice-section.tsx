import "server-only";
// The question page's "practise it" section for a coding question: the workspace for a signed-in user,
// a sign-in prompt for everyone else.
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { getPracticeProblem } from "@/lib/data/coding";
import { getPractice } from "@/lib/data/practice";
import { getCurrentUser } from "@/lib/auth/session";
import { PracticeProblem } from "@/components/coding/practice-problem";

export async function CodingPracticeSection({ slug }: { slug: string }) {
  const [user, problem] = await Promise.all([getCurrentUser(), getPracticeProblem(slug)]);
  if (!problem) return null;
  const practice = user ? await getPractice(user.id, slug) : null;
  return (
    <section aria-labelledby="practise" className="space-y-3">
      <h2 id="practise" className="text-lg font-semibold">
        Practise it
      </h2>
      {user ? (
        <PracticeProblem slug={slug} {...problem} draft={{ content: practice!.draft, revision: practice!.revision }} />
      ) : (
        <SignInToUse
          what="Sign in to write and run your solution against the problem's tests, right in your browser."
          returnTo={`/questions/${slug}`}
        />
      )}
    </section>
  );
}
