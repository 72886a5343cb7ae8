import { apiRoute, assertSameOrigin, json, readJson, readQuery, requireApiAdmin } from "@/lib/http/api";
import { unpackedSources, installPack, listPacks } from "@/lib/data/packs";
import { PACK_LIMITS, packActionQuerySchema, packSchema } from "@/lib/schemas/pack";

export const GET = apiRoute(async (request) => {
  await requireApiAdmin(request);
  const [items, unpacked] = await Promise.all([listPacks(), unpackedSources()]);
  return json({ items, unpacked });
});

/** A pack file as the body (JSON, up to 10 MB: read by this handler under its own limit, not buffered by the router). */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const { dryRun } = readQuery(request, packActionQuerySchema);
  const pack = await readJson(request, packSchema, PACK_LIMITS.bytes);
  return json(await installPack(admin.id, pack, dryRun === "true"));
});
