// Export documents and calls of the import and export routes with a real session cookie, for the tests of
// moving an account (tests/integration/account-*.test.ts).
import * as exportRoute from "@/app/api/me/export/route";
import * as importRoute from "@/app/api/me/import/route";
import { generateExportDocument } from "@/bench/export-document";
import { db } from "@/lib/db/client";
import type { ExportDocument } from "@/lib/schemas/export-document";
import { sessionCookieFor } from "../factories";

export const SLUGS = ["queryset-laziness", "csrf-protection", "prefetch-related-explained"];
/** A small valid document: three interviews (strict, extended, practice), practice, notes, sets, cards, ratings. */
export const validDocument = (): ExportDocument =>
  generateExportDocument(
    {
      interviews: 3,
      questionsPerInterview: 2,
      coveredPerInterview: 1,
      practiceAnswers: 2,
      versionsPerAnswer: 3,
      notes: 2,
      bookmarks: 2,
      sets: 2,
      questionsPerSet: 2,
      reviewCards: 2,
      reviewLog: 4,
      coverageItems: 2,
      textLength: 30,
    },
    SLUGS,
    ["acme"],
  );

type Body = {
  error?: { code: string; message: string; fields?: Record<string, string[]> };
  imported?: Record<string, number>;
};

export async function importAs(
  userId: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  const { cookie } = await sessionCookieFor(userId);
  const request = new Request("http://localhost/api/me/import", {
    method: "POST",
    body,
    headers: { cookie, "content-type": "application/json", ...headers },
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
  const response = await importRoute.POST(request, undefined as never);
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as Body,
  };
}

export async function exportAs(userId: string, format = "json") {
  const { cookie } = await sessionCookieFor(userId);
  return exportRoute.GET(
    new Request(`http://localhost/api/me/export?format=${format}`, { headers: { cookie } }),
    undefined as never,
  );
}

/** Rows of every kind the user owns, and their settings: all must stay as they were after a refused import. */
export async function owned(userId: string) {
  const where = { userId };
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { timeZone: true, timeMultiplier: true },
  });
  return {
    ...user,
    rows: await Promise.all([
      db().interview.count({ where }),
      db().practiceAnswer.count({ where }),
      db().note.count({ where }),
      db().bookmark.count({ where }),
      db().questionSet.count({ where }),
      db().reviewCard.count({ where }),
      db().reviewLog.count({ where }),
    ]),
  };
}
export const EMPTY = { timeZone: "UTC", timeMultiplier: 1, rows: [0, 0, 0, 0, 0, 0, 0] };
