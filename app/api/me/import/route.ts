import { apiRoute, assertJsonBody, assertSameOrigin, json, requireApiUser } from "@/lib/http/api";
import { importAccount } from "@/lib/data/account-import";

/** Streams the body into the importer: it is larger than ordinary bodies (IMPORT_LIMITS.bytes) and never parsed whole. */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  assertJsonBody(request);
  return json(await importAccount(user.id, request.body, Number(request.headers.get("content-length") ?? "0")), {
    status: 201,
  });
});
