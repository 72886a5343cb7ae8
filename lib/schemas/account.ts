// Schemas for the account's own routes: exporting its data and deleting it. Routes parse with these;
// lib/http/openapi.ts documents them.
import { z } from "zod";

export const exportQuerySchema = z.object({ format: z.enum(["json", "markdown"]).default("json") });

export const deleteAccountSchema = z
  .object({
    /** Required for accounts with a password. */
    password: z.string().max(200).optional(),
    /** Must be exactly "delete my account". */
    confirm: z.literal("delete my account", { error: 'Type "delete my account" to confirm.' }),
  })
  .meta({ id: "DeleteAccountRequest" });
