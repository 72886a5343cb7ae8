import { describe, expect, it } from "vitest";

// Provider credentials are read once per process: this file sets GitHub's (and only half of Google's).
process.env.GITHUB_CLIENT_ID = "gh-id";
process.env.GITHUB_CLIENT_SECRET = "gh-secret";
process.env.GOOGLE_CLIENT_ID = "google-id-without-secret";
const { configuredOAuthProviders } = await import("@/lib/auth/oauth-providers");
const { authOptions } = await import("@/lib/auth/options");

describe("external sign-in providers", () => {
  it("appear only when both their client id and secret are set", () => {
    expect(configuredOAuthProviders()).toEqual(["github"]);
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials", "github"]);
  });
});
