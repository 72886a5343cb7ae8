// Importing a markdown guide from the admin area (POST /api/admin/import): its query; the body is the guide.
import { z } from "zod";

export const importQuerySchema = z.object({
  source: z.string().trim().min(1, "Name the source.").max(80, "The source is at most 80 characters."),
  dryRun: z.enum(["true", "false"], { error: "dryRun must be true or false." }).default("true"),
});
