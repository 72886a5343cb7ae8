import { apiRoute, assertSameOrigin, json, readJson, requireApiUser } from "@/lib/api";
import { importDocument } from "@/lib/data/account";
import { exportDocumentSchema } from "@/lib/schemas/workspace";

/** Exports are larger than ordinary bodies. */
const IMPORT_LIMIT = 20 * 1024 * 1024;

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const doc = await readJson(request, exportDocumentSchema, IMPORT_LIMIT);
  return json(await importDocument(user.id, doc), { status: 201 });
});
