import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection nested in causes", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("adapter", { cause: inner }) }))).toBe(true);
  });

  it("recognises PostgreSQL shutdown codes and pool timeouts", () => {
    expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([{ code: "ECONNREFUSED" }]))).toBe(true);
  });

  it("does not mistake ordinary errors for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
