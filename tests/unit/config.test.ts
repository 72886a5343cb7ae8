import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/config";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("normalises ADMIN_EMAILS to trimmed lower-case addresses", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ada@Example.com, ,bob@x.io " }).ADMIN_EMAILS).toEqual(["ada@example.com", "bob@x.io"]);
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
});
