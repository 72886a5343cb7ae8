import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "Email is required." : "Email must be text.") })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const registerSchema = z
  .object({
    email: emailSchema,
    password: z
      .string({ error: (issue) => (issue.input === undefined ? "Password is required." : "Password must be text.") })
      .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
      .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
    name: z
      .string({ error: "Name must be text." })
      .trim()
      .max(100, "Name must be at most 100 characters.")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .meta({ id: "RegisterRequest" });

/** A validated registration (the output of registerSchema). */
export type RegisterInput = { email: string; password: string; name?: string };

export const registeredSchema = z.object({ id: z.uuid(), email: z.email() }).meta({ id: "RegisterResponse" });

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
});
