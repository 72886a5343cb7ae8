import { describe, expect, it } from "vitest";
import {
  isConcurrentWriteConflict,
  isDatabaseTimeout,
  isDatabaseUnavailable,
  isUniqueViolation,
} from "@/lib/db/errors";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection nested in causes", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("adapter", { cause: inner }) }))).toBe(
      true,
    );
  });

  it("recognises PostgreSQL shutdown codes and pool timeouts", () => {
    expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([{ code: "ECONNREFUSED" }]))).toBe(true);
  });

  it("recognises a connection dropped under a query (found by tests/chaos: it was a 500)", () => {
    const prisma = Object.assign(
      new Error(
        "Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
      ),
      { code: "P2010" },
    );
    expect(isDatabaseUnavailable(prisma)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
  });

  it("does not mistake ordinary errors for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("does not take an outage for a timeout", () => {
    expect(isDatabaseTimeout({ code: "ECONNREFUSED" })).toBe(false);
    expect(isDatabaseTimeout(new Error("Server has closed the connection."))).toBe(false);
  });
});

describe("isDatabaseTimeout", () => {
  it("recognises the client's query timeout and the server's statement timeout, wrapped by Prisma", () => {
    const read = new Error("Raw query failed. Code: `N/A`. Message: `Query read timeout`");
    const cancelled = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    const connecting = new Error("Connection terminated due to connection timeout");
    for (const error of [
      read,
      new Error("wrapped", { cause: cancelled }),
      connecting,
      { code: "P2024" },
      { code: "P2028" },
    ]) {
      expect(isDatabaseTimeout(error)).toBe(true);
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it("leaves other cancellations and errors alone", () => {
    expect(isDatabaseTimeout(new Error("canceling statement due to user request"))).toBe(false);
    expect(isDatabaseTimeout(new Error("Unique constraint failed"))).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  it.each([
    ["Prisma's P2002", { code: "P2002", meta: { target: ["userId"] } }],
    ["pg's 23505", { code: "23505" }],
    ["the adapter's code in meta", { code: "P2010", meta: { code: "23505" } }],
    [
      "the adapter's original code",
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } },
    ],
    [
      "the adapter's kind",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } },
    ],
  ])("recognises %s", (_, error) => {
    expect(isUniqueViolation(Object.assign(new Error("unique"), error))).toBe(true);
  });

  it.each([
    ["a foreign key violation", { code: "23503" }],
    ["another Prisma error", { code: "P2025" }],
    [
      "an adapter error of another kind",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ForeignKeyConstraintViolation" } } } },
    ],
    ["null", null],
    ["a string", "23505"],
  ])("leaves %s alone", (_, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });
});

/** A raw statement's failure as Prisma 7 reports it: P2010, PostgreSQL's code kept by the pg adapter underneath. */
const raw = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `prisma.$executeRaw()` invocation: Raw query failed."), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("a raw statement's error, read through Prisma's wrapping (a deadlock there was a 500)", () => {
  it.each([
    [
      "a deadlock",
      raw({ originalCode: "40P01", originalMessage: "deadlock detected", kind: "TransactionWriteConflict" }),
    ],
    ["a serialization failure", raw({ originalCode: "40001", kind: "TransactionWriteConflict" })],
    ["the adapter's kind alone", raw({ kind: "TransactionWriteConflict" })],
    ["a code in meta", Object.assign(new Error("raw"), { code: "P2010", meta: { code: "40P01" } })],
    ["a foreign key violation", raw({ originalCode: "23503", kind: "ForeignKeyConstraintViolation" })],
  ])("takes %s for a concurrent write", (_, error) => {
    expect(isConcurrentWriteConflict(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it.each([
    [
      "a statement timeout",
      raw({ kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" }),
      true,
    ],
    ["an admin shutdown", raw({ originalCode: "57P01", kind: "postgres" }), false],
    ["a closed connection", raw({ kind: "ConnectionClosed" }), false],
    ["an unreachable server", raw({ kind: "DatabaseNotReachable", host: "db", port: 5432 }), false],
    ["a socket timeout", raw({ kind: "SocketTimeout" }), false],
    ["too many connections", raw({ kind: "TooManyConnections", cause: "sorry, too many clients already" }), false],
    [
      "a full lock table",
      raw({ originalCode: "53200", originalMessage: "out of shared memory", kind: "postgres" }),
      false,
    ],
    ["a full disk", raw({ originalCode: "53100", kind: "postgres" }), false],
  ])("takes %s for the database's state (503)", (_, error, timeout) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseTimeout(error)).toBe(timeout);
    expect(isConcurrentWriteConflict(error)).toBe(false);
  });

  it.each([
    ["a syntax error", raw({ originalCode: "42601", originalMessage: "syntax error at or near", kind: "postgres" })],
    ["a missing table", raw({ originalCode: "42P01", kind: "TableDoesNotExist" })],
    ["a value out of range", raw({ originalCode: "22003", kind: "ValueOutOfRange" })],
    [
      "an adapter error without a cause",
      Object.assign(new Error("raw"), { code: "P2010", meta: { driverAdapterError: {} } }),
    ],
    ["meta that is not an object", Object.assign(new Error("raw"), { code: "P2010", meta: "40P01" })],
  ])("leaves %s to be a server error", (_, error) => {
    expect(isConcurrentWriteConflict(error)).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isUniqueViolation(error)).toBe(false);
  });
});
