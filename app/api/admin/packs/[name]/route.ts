import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { packFile, setPackDisabled } from "@/lib/data/packs";
import { setPackStateSchema } from "@/lib/schemas/pack";

type Context = { params: Promise<{ name: string }> };

/** The pack as a file to download (an installed one as it was installed; a built-in one as the bank holds it). */
export const GET = apiRoute<Context>(async (request, { params }) => {
  await requireApiAdmin(request);
  const name = slugOr404((await params).name, "pack");
  const pack = await packFile(name);
  return json(pack, {
    headers: {
      "content-disposition": `attachment; filename="${pack.name}-${pack.version.replace(/[^\w.-]/g, "_")}.json"`,
    },
  });
});

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const name = slugOr404((await params).name, "pack");
  const { disabled } = await readJson(request, setPackStateSchema);
  return json(await setPackDisabled(admin.id, name, disabled));
});
