import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "VALIDATION",
        "UNAUTHORIZED",
        "FORBIDDEN",
        "NOT_FOUND",
        "CONFLICT",
        "TIME_UP",
        "PAYLOAD_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE",
        "RATE_LIMITED",
        "UNAVAILABLE",
        "INTERNAL",
      ]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: "Error" });

export const healthSchema = z
  .object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "down"]), version: z.string() })
  .meta({ id: "Health" });
