import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/http/redirects";
import { anyDestination, attack, KNOWN_ATTACKS, pathLikeAttack } from "../support/redirect-attacks";

const APP = "https://app.example";

/** Where a browser on the app's page goes when sent to `location` (what Location and location.assign do). */
const landsOn = (location: string) => new URL(location, `${APP}/sign-in`);

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackPath("/interviews?status=finished")).toBe("/interviews?status=finished");
    expect(safeCallbackPath("/questions/a#b")).toBe("/questions/a#b");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    42,
    undefined,
    "dashboard",
  ])("refuses %j and falls back to the dashboard", (value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });

  it.each([...KNOWN_ATTACKS, "/%2E%2E//x", "/%2e/\\x", "/ //x"])(
    "refuses %j, which is or normalises to another origin",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/dashboard");
    },
  );

  it("normalises dot segments without leaving the origin", () => {
    expect(safeCallbackPath("/a/../b")).toBe("/b");
  });

  it("never sends a browser to another origin, whatever the path is made of", () => {
    fc.assert(
      fc.property(anyDestination, (value) => {
        const result = safeCallbackPath(value);
        expect(result).toMatch(/^\/(?![/\\])/);
        expect(landsOn(result).origin).toBe(APP);
        // Idempotent: the vetted value passes again unchanged.
        expect(safeCallbackPath(result)).toBe(result);
      }),
      { seed: 20261206, numRuns: 5_000 },
    );
  });

  it("keeps every ordinary path (segments of letters, digits and dashes, with a query)", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.option(fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{0,5}$/)),
        (segments, query) => {
          const path = `/${segments.join("/")}${query ? `?${query}` : ""}`;
          expect(safeCallbackPath(path)).toBe(path);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it("prefixes vetted paths with the app's origin", () => {
    expect(safeRedirectUrl("/interviews", APP)).toBe(`${APP}/interviews`);
    expect(safeRedirectUrl(`${APP}/notes?q=a`, APP)).toBe(`${APP}/notes?q=a`);
  });

  it.each(["not a url", "%%%", "https://evil.example/", "//evil.example", "/.//evil.example", ""])(
    "sends %j to the app's own page, without throwing",
    (url) => {
      expect(safeRedirectUrl(url, APP)).toBe(`${APP}/dashboard`);
    },
  );

  it("always stays on the app's origin", () => {
    fc.assert(
      fc.property(fc.oneof(attack, pathLikeAttack, fc.string(), fc.webUrl()), (url) => {
        expect(new URL(safeRedirectUrl(url, APP)).origin).toBe(APP);
      }),
      { seed: 3, numRuns: 3_000 },
    );
  });
});
