import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicUrl } from "@/lib/config";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("normalises ADMIN_EMAILS to trimmed lower-case addresses", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ada@Example.com, ,bob@x.io " }).ADMIN_EMAILS).toEqual([
      "ada@example.com",
      "bob@x.io",
    ]);
  });

  it("names every malformed variable in one message", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" })).toThrowError(EnvError);
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
      expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
    }
  });

  it("reads boolean flags", () => {
    expect(parseEnv({ MOCKROOM_DEMO: "1" }).MOCKROOM_DEMO).toBe(true);
    expect(parseEnv({ MOCKROOM_DEMO: "0" }).MOCKROOM_DEMO).toBe(false);
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
  });

  it("treats blank OAuth credentials as absent", () => {
    expect(parseEnv({ GITHUB_CLIENT_ID: "  " }).GITHUB_CLIENT_ID).toBeUndefined();
  });

  it("takes SMTP_URL and MAIL_FROM together, and names the one missing or malformed", () => {
    expect(
      parseEnv({ SMTP_URL: "smtps://u:p@smtp.example.com:465", MAIL_FROM: "Mockroom <no-reply@example.com>" }),
    ).toMatchObject({
      SMTP_URL: "smtps://u:p@smtp.example.com:465",
      MAIL_FROM: "Mockroom <no-reply@example.com>",
    });
    expect(parseEnv({ SMTP_URL: " ", MAIL_FROM: "" }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: "smtp://localhost:25" })).toThrowError(
      /MAIL_FROM: is required when SMTP_URL is set/,
    );
    expect(() => parseEnv({ MAIL_FROM: "a@example.com" })).toThrowError(/SMTP_URL: is required when MAIL_FROM is set/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com", MAIL_FROM: "a@example.com" })).toThrowError(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    for (const from of ["nobody", "a@b", "Name <a@b.c", "x\r\nBcc: victim@example.com <a@b.co>"]) {
      expect(() => parseEnv({ SMTP_URL: "smtp://localhost:25", MAIL_FROM: from }), from).toThrowError(
        /MAIL_FROM: must be an address/,
      );
    }
  });

  it("builds links from APP_URL, else the URL npm start gave next-auth, never from a request", () => {
    expect(publicUrl(parseEnv({ APP_URL: "https://mockroom.example/", NEXTAUTH_URL: "http://127.0.0.1:3000" }))).toBe(
      "https://mockroom.example",
    );
    expect(publicUrl(parseEnv({ NEXTAUTH_URL: "http://127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(publicUrl(parseEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
  });
});
