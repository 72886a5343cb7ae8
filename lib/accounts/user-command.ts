// The `user` command's arguments and output, shared by `npm run user` (lib/cli/user.ts) and the container's
// `node mockroom.cjs user` (lib/server/container.ts).
import type { PrismaClient } from "../db/prisma-client";
import { createResetLink, grantAdmin, listAdmins, revokeAdmin, UserCommandError } from "./admins";
import { RESET_TTL_MINUTES } from "./password-resets";

export const USER_USAGE = `Usage: npm run user -- <command>
  grant-admin EMAIL   make the account an admin (creates it, without a password, if there is none)
  revoke-admin EMAIL  make the admin an ordinary user again
  list                list the admins
  reset-link EMAIL    print a password reset link for the account (${RESET_TTL_MINUTES} minutes, once)`;

type Options = {
  appUrl: string;
  log: (line: string) => void;
  withDatabase: <T>(run: (db: PrismaClient) => Promise<T>) => Promise<T>;
};

/** Runs one command; returns the exit code (2: usage). Errors meant for the operator are thrown as UserCommandError. */
export async function runUserCommand(args: string[], { appUrl, log, withDatabase }: Options): Promise<number> {
  const [command, email, ...rest] = args;
  const needsEmail = command === "grant-admin" || command === "revoke-admin" || command === "reset-link";
  if (!command || rest.length || (needsEmail ? !email : command !== "list" || email)) {
    log(USER_USAGE);
    return 2;
  }
  await withDatabase(async (db) => {
    if (command === "grant-admin") {
      const result = await grantAdmin(db, email!, appUrl);
      if (result.created) {
        log(
          `Created ${result.email} as an admin. It has no password yet: send its owner this link to choose one (${RESET_TTL_MINUTES} minutes, once):`,
        );
        log(result.link!);
      } else log(result.wasAdmin ? `${result.email} is already an admin.` : `${result.email} is now an admin.`);
    } else if (command === "revoke-admin") {
      log((await revokeAdmin(db, email!)) ? `${email} is no longer an admin.` : `${email} was not an admin.`);
    } else if (command === "reset-link") {
      log(`Reset link for ${email} (${RESET_TTL_MINUTES} minutes, once; using it signs the account out everywhere):`);
      log(await createResetLink(db, email!, appUrl));
    } else {
      const admins = await listAdmins(db);
      if (!admins.length) log("No admins.");
      for (const admin of admins)
        log(
          `${admin.email}\t${admin.name ?? ""}\t${admin.passwordHash ? "password" : "no password"}\tsince ${admin.createdAt.toISOString().slice(0, 10)}`,
        );
    }
  });
  return 0;
}

export { UserCommandError };
