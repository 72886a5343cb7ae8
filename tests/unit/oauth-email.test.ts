import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gitHubEmail, providerVerifiedEmail } from "@/lib/auth/oauth-providers";

describe("a GitHub identity's email", () => {
  const emails = [
    { email: "old@example.test", primary: false, verified: true },
    { email: "Main@Example.test", primary: true, verified: true },
    { email: "new@example.test", primary: false, verified: false },
  ];

  it("is the public one, else the primary one, verified only as GitHub's list says", () => {
    expect(gitHubEmail(null, emails)).toEqual({ email: "Main@Example.test", email_verified: true });
    expect(gitHubEmail("main@example.test", emails)).toEqual({ email: "main@example.test", email_verified: true });
    expect(gitHubEmail("new@example.test", emails)).toEqual({ email: "new@example.test", email_verified: false });
    expect(gitHubEmail(null, [{ email: "only@example.test", primary: true, verified: false }])).toEqual({
      email: "only@example.test",
      email_verified: false,
    });
  });

  it("is never verified without the list (the request failed) or with a malformed one", () => {
    for (const list of [
      null,
      undefined,
      {},
      "x",
      [null],
      [{ email: 1, verified: true }],
      [{ email: "p@example.test", verified: "yes" }],
    ]) {
      expect(gitHubEmail("p@example.test", list).email_verified).toBe(false);
    }
  });

  it("property: verified only if the list holds that very address marked verified: true", () => {
    const entry = fc.record({
      email: fc.emailAddress(),
      primary: fc.boolean(),
      verified: fc.oneof(fc.boolean(), fc.constant("true"), fc.constant(1)),
    });
    fc.assert(
      fc.property(
        fc.option(fc.emailAddress(), { nil: null }),
        fc.array(entry, { maxLength: 4 }),
        (publicEmail, list) => {
          const { email, email_verified } = gitHubEmail(publicEmail, list);
          if (email_verified)
            expect(list.some((e) => e.email.toLowerCase() === email!.toLowerCase() && e.verified === true)).toBe(true);
        },
      ),
    );
  });
});

describe("a provider's word that an email is verified", () => {
  it("counts only for Google and GitHub, only as the boolean true", () => {
    expect(providerVerifiedEmail("google", { email_verified: true })).toBe(true);
    expect(providerVerifiedEmail("github", { email_verified: true })).toBe(true);
    expect(providerVerifiedEmail("google", { email_verified: "true" })).toBe(false);
    expect(providerVerifiedEmail("google", {})).toBe(false);
    expect(providerVerifiedEmail("google", undefined)).toBe(false);
    expect(providerVerifiedEmail("credentials", { email_verified: true })).toBe(false);
    expect(providerVerifiedEmail("somewhere", { email_verified: true })).toBe(false);
  });
});
