import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, uuidOr404 } from "@/lib/http/api";
import { closeReport } from "@/lib/data/reports";
import { closeReportSchema } from "@/lib/schemas/reports";

type Context = { params: Promise<{ id: string }> };

export const PATCH = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const id = uuidOr404((await params).id, "report");
  return json(await closeReport(admin.id, id, await readJson(request, closeReportSchema)));
});
