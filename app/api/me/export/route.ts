import { apiRoute, readQuery, requireApiUser } from "@/lib/http/api";
import { exportJson, exportMarkdown } from "@/lib/data/account-export";
import { runningTimedInterview, withheldConflict } from "@/lib/data/withheld";
import { exportQuerySchema } from "@/lib/schemas/account";

/**
 * Everything the user owns, as a download: JSON (complete, importable) or Markdown (readable). The body is
 * streamed while the database is read in batches, so the largest account costs the server a batch of memory.
 */
export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  const { format } = readQuery(request, exportQuerySchema);
  // The export holds model answers and key points (the markdown, and practice coverage): not during a timed interview.
  const running = await runningTimedInterview(user.id);
  if (running) throw withheldConflict(running, "Exporting your data");
  const day = new Date().toISOString().slice(0, 10);
  const [body, type, ext] =
    format === "markdown"
      ? [await exportMarkdown(user.id), "text/markdown; charset=utf-8", "md"]
      : [await exportJson(user.id), "application/json; charset=utf-8", "json"];
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="mockroom-export-${day}.${ext}"`,
      "cache-control": "no-store",
    },
  });
});
