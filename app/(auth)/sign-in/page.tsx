import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { configuredOAuthProviders } from "@/lib/auth/oauth-providers";
import { safeCallbackPath } from "@/lib/http/redirects";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  done: "Your password was changed and every session signed out. Sign in with the new password.",
  everywhere: "You were signed out everywhere. Sign in again to continue.",
};

const errors: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OAuthAccountNotLinked: "An account with this email already exists. Sign in with your password.",
  EmailRequired: "Your external account did not share an email address.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser().catch(() => null)) redirect(callbackPath);
  const error = typeof params.error === "string" ? (errors[params.error] ?? "Sign-in failed. Please try again.") : null;
  const notice =
    typeof params.reset === "string"
      ? notices[params.reset]
      : typeof params.signedOut === "string"
        ? notices[params.signedOut]
        : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {notice ? <Alert>{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <OAuthButtons providers={configuredOAuthProviders()} callbackPath={callbackPath} />
      <SignInForm callbackPath={callbackPath} />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        New to Mockroom?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline dark:text-brand-100">
          Create an account
        </Link>
      </p>
    </>
  );
}
