import { apiRoute, assertSameOrigin, json, readBodyText, readQuery, requireApiAdmin } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";
import { importGuideText, MAX_GUIDE_BYTES } from "@/lib/data/guide-import";
import { importQuerySchema } from "@/lib/schemas/guide-import";

/** A markdown guide as the request body (up to 5 MB, read as a stream: the router does not buffer it). */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  await requireApiAdmin(request);
  const query = readQuery(request, importQuerySchema);
  const type = request.headers.get("content-type") ?? "";
  if (!/^text\/(markdown|plain|x-markdown)\b/i.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the guide as text/markdown.");
  const text = await readBodyText(request, MAX_GUIDE_BYTES);
  return json(await importGuideText(text, { source: query.source, dryRun: query.dryRun === "true" }));
});
