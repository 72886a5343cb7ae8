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
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  message = "Some fields are invalid.",
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", message, { fields: fieldErrors(result.error) });
  return result.data;
}

/**
 * The path of the first string (value or key) in parsed JSON that holds a NUL character, or null. PostgreSQL's
 * text types cannot store U+0000, so such input is refused at the boundary instead of failing at the database.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function findNul(value: unknown): string | null {
  // Each pending node remembers its parent, so the path is built only for the one that is reported.
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const pathOf = (node: Node, last?: string) => {
    const parts: (string | number)[] = last === undefined ? [] : [last];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) parts.unshift(n.key);
    return parts.length ? parts.join(".") : "_";
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === "string") {
      if (current.includes("\u0000")) return pathOf(node);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: node });
    } else if (current && typeof current === "object") {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes("\u0000")) return pathOf(node, key.replaceAll("\u0000", "\\u0000"));
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return null;
}

/** Throws a VALIDATION AppError naming the field when any string in `value` holds a NUL character. */
export function refuseNul(value: unknown, message = "Some fields are invalid."): void {
  const at = findNul(value);
  if (at !== null)
    throw new AppError("VALIDATION", message, { fields: { [at]: ["Text cannot contain NUL (\\u0000) characters."] } });
}
