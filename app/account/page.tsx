import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { Alert } from "@/components/ui/alert";
import { DeleteAccountForm, ImportForm } from "@/components/account/account-forms";
import { TimeZoneSettings } from "@/components/account/time-zone-settings";
import { hasPassword } from "@/lib/data/users";
import { runningTimedInterview } from "@/lib/data/withheld";
import { requireUser } from "@/lib/auth/session";
import { saveTimeZone } from "./actions";

export const metadata: Metadata = { title: "Account and data" };

const link =
  "inline-flex rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900";

export default async function AccountPage() {
  const user = await requireUser();
  const [withPassword, running] = await Promise.all([hasPassword(user.id), runningTimedInterview(user.id)]);
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Account and data</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{user.email}</p>
      </div>
      <section
        aria-labelledby="change-password"
        className="space-y-3 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      >
        <h2 id="change-password" className="font-semibold">
          Password
        </h2>
        {withPassword ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Changing it signs you out on every other browser and device.
            </p>
            <ChangePasswordForm />
          </>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your account signs in with GitHub or Google and has no password.
          </p>
        )}
      </section>
      <section
        aria-labelledby="time-zone"
        className="space-y-3 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      >
        <h2 id="time-zone" className="font-semibold">
          Time zone
        </h2>
        <TimeZoneSettings current={user.timeZone} save={saveTimeZone} />
      </section>
      <section
        aria-labelledby="sessions"
        className="space-y-3 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      >
        <h2 id="sessions" className="font-semibold">
          Where you are signed in
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Lost a device or signed in on a shared computer? Sign out everywhere ends every session of your account at
          once, this one included (other devices within a few seconds). Signing out from the menu ends this session for
          good too.
        </p>
        <SignOutEverywhere />
      </section>
      <section
        aria-labelledby="export"
        className="space-y-3 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      >
        <h2 id="export" className="font-semibold">
          Export your data
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Everything you own: profile, interviews with answers and reviews, practice answers with every version, notes,
          bookmarks, sets and your review log. JSON is complete and can be imported into another Mockroom; Markdown is
          one readable document.
        </p>
        {running ? (
          // The export holds model answers and key points (lib/data/withheld.ts).
          <Alert>
            Downloads wait until your timed interview ends: they hold model answers.{" "}
            <Link href={`/interviews/${running.id}`} className="font-medium underline">
              Back to the interview
            </Link>
          </Alert>
        ) : (
          <div className="flex flex-wrap gap-3">
            <a href="/api/me/export?format=json" download className={link}>
              Download JSON
            </a>
            <a href="/api/me/export?format=markdown" download className={link}>
              Download Markdown
            </a>
          </div>
        )}
        <ImportForm />
      </section>
      <section
        aria-labelledby="delete"
        className="space-y-3 rounded-lg border border-rose-300 p-6 dark:border-rose-900"
      >
        <h2 id="delete" className="font-semibold text-rose-800 dark:text-rose-300">
          Delete your account
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          This deletes your account and everything in it, at once and for good. Download an export first if you want to
          keep anything.
          {withPassword
            ? ""
            : " Your account signs in with GitHub or Google: if your last sign-in was more than 10 minutes ago, you will be asked to sign in again."}
        </p>
        <DeleteAccountForm hasPassword={withPassword} />
      </section>
    </div>
  );
}
