import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientFromForwardedFor } from "@/lib/auth/rate-limit-rules";
import { isCrossSite, requestTarget, type RequestTarget } from "@/lib/http/same-origin";

const target = (host: string | null, scheme: RequestTarget["scheme"] = null): RequestTarget => ({ host, scheme });
const headers = (values: Record<string, string | undefined>) => (name: string) => values[name];

const host = fc
  .tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([domain, port]) => (port ? `${domain}:${port}` : domain));
const scheme = fc.constantFrom("http", "https");
/** Anything a client could put in a forwarded header, well-formed or not. */
const junk = fc.oneof(
  fc.string(),
  host,
  fc.constantFrom("https", "http", "evil.example", "evil.example, mockroom.example", "", " ", "HTTPS"),
);

describe("isCrossSite", () => {
  it("lets a request from this site's pages through, and one with no Origin (not from a page)", () => {
    expect(isCrossSite("http://localhost:3000", target("localhost:3000"))).toBe(false);
    expect(isCrossSite("https://mockroom.example", target("mockroom.example"))).toBe(false);
    expect(isCrossSite("https://Mockroom.Example", target("mockroom.example", "https"))).toBe(false);
    expect(isCrossSite(undefined, target("localhost:3000"))).toBe(false);
    expect(isCrossSite(null, target(null))).toBe(false);
  });

  it("refuses another host, another port, an opaque origin, and an Origin with no host to compare", () => {
    expect(isCrossSite("https://evil.example", target("mockroom.example"))).toBe(true);
    expect(isCrossSite("http://localhost:3001", target("localhost:3000"))).toBe(true);
    expect(isCrossSite("null", target("localhost:3000"))).toBe(true);
    expect(isCrossSite("https://mockroom.example.evil.example", target("mockroom.example"))).toBe(true);
    expect(isCrossSite("https://mockroom.example", target(null))).toBe(true);
    expect(isCrossSite("https://mockroom.example", target("mockroom example"))).toBe(true);
  });

  it("refuses a plain-http page writing to a request a trusted proxy received over https", () => {
    expect(isCrossSite("http://mockroom.example", target("mockroom.example", "https"))).toBe(true);
    // TLS ended at an outer proxy, and the inner one says http: the browser's https origin is this site.
    expect(isCrossSite("https://mockroom.example", target("mockroom.example", "http"))).toBe(false);
  });

  it("property: an Origin is same-site exactly when its host is the target's (and it is https when the request was)", () => {
    fc.assert(
      fc.property(scheme, host, host, fc.option(scheme, { nil: null }), (s, originHost, targetHost, targetScheme) => {
        const origin = `${s}://${originHost}`;
        const same =
          new URL(origin).host === new URL(`http://${targetHost}`).host && (targetScheme !== "https" || s === "https");
        expect(isCrossSite(origin, target(targetHost, targetScheme))).toBe(!same);
      }),
    );
  });
});

describe("requestTarget", () => {
  it("property: without TRUST_PROXY, forwarded headers change nothing, whatever a client puts in them", () => {
    fc.assert(
      fc.property(scheme, host, host, junk, junk, (s, originHost, hostHeader, forwardedHost, forwardedProto) => {
        const plain = requestTarget(headers({ host: hostHeader }), false);
        const spoofed = requestTarget(
          headers({ host: hostHeader, "x-forwarded-host": forwardedHost, "x-forwarded-proto": forwardedProto }),
          false,
        );
        expect(spoofed).toEqual(plain);
        expect(isCrossSite(`${s}://${originHost}`, spoofed)).toBe(isCrossSite(`${s}://${originHost}`, plain));
      }),
    );
  });

  it("without TRUST_PROXY, an X-Forwarded-Host naming the attacker's origin does not make its request same-site", () => {
    const sent = requestTarget(headers({ host: "mockroom.example", "x-forwarded-host": "evil.example" }), false);
    expect(isCrossSite("https://evil.example", sent)).toBe(true);
    expect(isCrossSite("https://mockroom.example", sent)).toBe(false);
  });

  it("with TRUST_PROXY, the proxy's X-Forwarded-Host and X-Forwarded-Proto name the origin the browser saw", () => {
    const sent = requestTarget(
      headers({ host: "10.0.0.5:3000", "x-forwarded-host": "mockroom.example", "x-forwarded-proto": "https" }),
      true,
    );
    expect(sent).toEqual({ host: "mockroom.example", scheme: "https" });
    expect(isCrossSite("https://mockroom.example", sent)).toBe(false);
    expect(isCrossSite("http://mockroom.example", sent)).toBe(true);
    expect(isCrossSite("https://10.0.0.5:3000", sent)).toBe(true);
    expect(isCrossSite("https://evil.example", sent)).toBe(true);
    // Without the proxy headers: the Host, and no scheme to compare.
    expect(requestTarget(headers({ host: "mockroom.example" }), true)).toEqual({
      host: "mockroom.example",
      scheme: null,
    });
    expect(requestTarget(headers({ host: "h", "x-forwarded-proto": "gopher" }), true).scheme).toBeNull();
    expect(requestTarget(headers({ host: "h", "x-forwarded-host": "a.example, b.example" }), true).host).toBe(
      "a.example",
    );
  });
});

describe("clientFromForwardedFor", () => {
  it("takes the address the trusted proxy appended, not one the client wrote first", () => {
    expect(clientFromForwardedFor("1.2.3.4")).toBe("1.2.3.4");
    expect(clientFromForwardedFor("6.6.6.6, 1.2.3.4")).toBe("1.2.3.4");
    expect(clientFromForwardedFor(["6.6.6.6", "7.7.7.7, 1.2.3.4"])).toBe("1.2.3.4");
    expect(clientFromForwardedFor(undefined)).toBe("");
    expect(clientFromForwardedFor(" , ")).toBe("");
  });

  it("property: whatever a client prepends, the address is the proxy's last entry", () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes(","))), fc.ipV4(), (spoofed, real) => {
        expect(clientFromForwardedFor([...spoofed, real].join(", "))).toBe(real);
      }),
    );
  });
});
