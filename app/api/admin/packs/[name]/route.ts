import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { setPackDisabled } from "@/lib/data/packs";
import { setPackStateSchema } from "@/lib/schemas/pack";

type Context = { params: Promise<{ name: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const name = slugOr404((await params).name, "pack");
  const { disabled } = await readJson(request, setPackStateSchema);
  return json(await setPackDisabled(admin.id, name, disabled));
});
