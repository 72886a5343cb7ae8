import { apiRoute } from "@/lib/http/api";
import { openApiDocument } from "@/lib/http/openapi";

/**
 * The document depends on the build alone, so it is written once per process: made per request, it cost the server
 * about 60 ms of CPU for anyone who asked, signed in or not (found while fuzzing: docs/performance.md round 21).
 */
let document: string | undefined;

export const GET = apiRoute(
  async () =>
    new Response((document ??= JSON.stringify(openApiDocument())), {
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
    }),
);
