import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { resetTokenUsable } from "@/lib/data/passwords";

// The token is in this page's URL: no Referer carries it anywhere, not even to this site's own requests.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  // Only checked here; the link is used (and voided) when the form is sent, so a mail scanner opening it does no harm.
  const usable = typeof token === "string" && (await resetTokenUsable(token));
  return (
    <>
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error">
          This reset link has expired or was already used (links work once, for 30 minutes).{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Ask for a new one
          </Link>
          .
        </Alert>
      )}
    </>
  );
}
