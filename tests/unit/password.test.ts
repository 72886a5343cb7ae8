import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("produces argon2id hashes that verify only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("answers false for an account without a password, after doing the same work", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });

  it("answers false for a corrupt hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
  });
});
