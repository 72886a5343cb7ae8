import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { mailConfigured } from "@/lib/accounts/mail";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      {mailConfigured() ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Enter the email you signed up with. We will send you a link to choose a new password.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <Alert>
          This server does not send email. Ask its administrator for a reset link: they can make one with{" "}
          <code>npm run user -- reset-link</code> and your email address.
        </Alert>
      )}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          Sign in
        </Link>
      </p>
    </>
  );
}
