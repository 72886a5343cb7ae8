import { describe, expect, it } from "vitest";
import { exportDocumentSchema } from "@/lib/schemas/export-document";
import { deleteAccountSchema } from "@/lib/schemas/account";
import { noteListQuerySchema, saveNoteSchema } from "@/lib/schemas/notes";
import { createSetSchema, updateSetSchema } from "@/lib/schemas/sets";

describe("workspace schemas", () => {
  it("validates set names: trimmed, 1 to 80 characters, no control characters", () => {
    expect(createSetSchema.parse({ name: "  JPMorgan week  " })).toEqual({
      name: "JPMorgan week",
      description: "",
      questions: [],
    });
    for (const name of ["", "   ", "x".repeat(81), "tab\there", "bell\u0007"])
      expect(createSetSchema.safeParse({ name }).success, JSON.stringify(name)).toBe(false);
    expect(createSetSchema.safeParse({ name: "ok", questions: ["Not A Slug"] }).success).toBe(false);
    expect(updateSetSchema.safeParse({}).success).toBe(false);
  });

  it("requires a non-negative integer revision and a string note", () => {
    expect(saveNoteSchema.safeParse({ content: "x", revision: 0 }).success).toBe(true);
    for (const body of [
      { content: "x", revision: -1 },
      { content: "x", revision: 1.5 },
      { content: 3, revision: 0 },
      { content: "x" },
    ]) {
      expect(saveNoteSchema.safeParse(body).success).toBe(false);
    }
  });

  it("bounds note queries", () => {
    expect(noteListQuerySchema.parse({ limit: "5" }).limit).toBe(5);
    expect(noteListQuerySchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(noteListQuerySchema.safeParse({ cursor: "a b" }).success).toBe(false);
  });

  it("asks for the exact confirmation phrase to delete an account", () => {
    expect(deleteAccountSchema.safeParse({ confirm: "delete my account", password: "x" }).success).toBe(true);
    expect(deleteAccountSchema.safeParse({ confirm: "Delete My Account" }).success).toBe(false);
  });

  it("accepts a minimal export and refuses another format or version", () => {
    const minimal = {
      format: "mockroom-export",
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      profile: {
        email: "a@b.c",
        name: null,
        timeMultiplier: 1,
        timeZone: "UTC",
        createdAt: "2026-01-01T00:00:00.000Z",
      },
      interviews: [],
      practiceAnswers: [],
      notes: [],
      bookmarks: [],
      sets: [],
      reviewCards: [],
      reviewLog: [],
    };
    expect(exportDocumentSchema.safeParse(minimal).success).toBe(true);
    expect(exportDocumentSchema.safeParse({ ...minimal, version: 2 }).success).toBe(false);
    expect(exportDocumentSchema.safeParse({ ...minimal, format: "other" }).success).toBe(false);
    expect(
      exportDocumentSchema.safeParse({
        ...minimal,
        notes: [{ question: "q", content: "x", revision: 1, createdAt: "yesterday", updatedAt: "now" }],
      }).success,
    ).toBe(false);
  });
});
