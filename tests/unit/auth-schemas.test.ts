import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/schemas/auth";
import { fieldErrors } from "@/lib/http/validation";

describe("registerSchema", () => {
  it("normalises the email to trimmed lower case", () => {
    const parsed = registerSchema.parse({ email: "  Ada@Example.COM ", password: "0123456789" });
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.name).toBeUndefined();
  });

  it("rejects a password under 10 characters with a message for that field", () => {
    const result = registerSchema.safeParse({ email: "ada@example.com", password: "short" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ password: ["Password must be at least 10 characters."] });
  });

  it("says which fields are missing and which have the wrong type", () => {
    const result = registerSchema.safeParse({ password: 1234567890 });
    expect(fieldErrors(result.error!)).toEqual({ email: ["Email is required."], password: ["Password must be text."] });
  });

  it("rejects an invalid email and an overlong name", () => {
    const result = registerSchema.safeParse({ email: "not-an-email", password: "0123456789", name: "x".repeat(101) });
    const fields = fieldErrors(result.error!);
    expect(fields.email).toEqual(["Enter a valid email address."]);
    expect(fields.name).toEqual(["Name must be at most 100 characters."]);
  });

  it("treats a blank name as no name", () => {
    expect(registerSchema.parse({ email: "a@b.co", password: "0123456789", name: "   " }).name).toBeUndefined();
  });
});
