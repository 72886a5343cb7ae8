import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown on member areas to signed-out visitors, with a way back here after signing in. */
export function SignInToUse({ what, returnTo }: { what: string; returnTo: string }) {
  return (
    <EmptyState
      title="Sign in to use this"
      action={
        <>
          <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</ButtonLink>
          <ButtonLink href="/sign-up" variant="secondary">
            Create an account
          </ButtonLink>
        </>
      }
    >
      {what}
    </EmptyState>
  );
}
