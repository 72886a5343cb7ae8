import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { configuredOAuthProviders } from "@/lib/auth/oauth-providers";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser().catch(() => null)) redirect("/dashboard");
  return (
    <>
      <h1 className="text-2xl font-semibold">Create your account</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Free, private, and yours to export. Your answers are never shown to anyone else.
      </p>
      <OAuthButtons providers={configuredOAuthProviders()} callbackPath="/dashboard" />
      <SignUpForm />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          Sign in
        </Link>
      </p>
    </>
  );
}
