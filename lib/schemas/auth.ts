import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "Email is required." : "Email must be text.") })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

/** A password someone chooses (sign-up, change, reset). */
const newPassword = z
  .string({ error: (issue) => (issue.input === undefined ? "Password is required." : "Password must be text.") })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`);

export const registerSchema = z
  .object({
    email: emailSchema,
    password: newPassword,
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

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({
        error: (issue) =>
          issue.input === undefined ? "Enter your current password." : "The current password must be text.",
      })
      .min(1, "Enter your current password.")
      .max(PASSWORD_MAX, "The current password is not correct."),
    newPassword,
  })
  .meta({ id: "ChangePasswordRequest" });

export const forgotPasswordSchema = z.object({ email: emailSchema }).meta({ id: "ForgotPasswordRequest" });
export const forgotPasswordAnswerSchema = z.object({ message: z.string() }).meta({ id: "ForgotPasswordResponse" });

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "The reset link is incomplete." }).max(200, "The reset link is not valid."),
    password: newPassword,
  })
  .meta({ id: "ResetPasswordRequest" });

export const endSessionsSchema = z
  .object({
    scope: z.enum(["all", "others"], { error: 'Say which sessions to end: "all" (this one too) or "others".' }),
  })
  .meta({ id: "EndSessionsRequest" });
export const endedSessionsSchema = z.object({ ended: z.number().int().min(0) }).meta({ id: "EndSessionsResponse" });
