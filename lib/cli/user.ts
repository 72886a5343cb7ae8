// `npm run user -- <command>`: accounts from the server's command line (lib/accounts/admins.ts).
import { runUserCommand } from "../accounts/user-command";
import { publicUrl, readEnv } from "../config";
import { runCommand, withMigratedDatabase } from "./database";

runCommand(async () => {
  const args = process.argv.slice(2);
  const code = await runUserCommand(args, {
    appUrl: publicUrl(readEnv()),
    log: console.log,
    withDatabase: (run) => withMigratedDatabase(() => undefined, run),
  });
  if (code) process.exit(code);
});
