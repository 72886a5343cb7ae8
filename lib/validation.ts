import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Groups zod issues by field path ("email", "answers.0.content"); issues without a path go under "_". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses `input` with `schema` or throws a VALIDATION AppError with field messages. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, message = "Some fields are invalid."): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", message, { fields: fieldErrors(result.error) });
  return result.data;
}
