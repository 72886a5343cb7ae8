import { apiRoute, json, requireApiAdmin } from "@/lib/http/api";
import { bankAsPack } from "@/lib/data/packs";

/** The bank as one pack file, to download (as `npm run content -- export` writes it, in one file). */
export const GET = apiRoute(async (request) => {
  await requireApiAdmin(request);
  const pack = await bankAsPack();
  return json(pack, {
    headers: { "content-disposition": `attachment; filename="mockroom-bank-${pack.version}.json"` },
  });
});
