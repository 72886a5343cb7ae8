import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { createReport } from "@/lib/data/reports";
import { createReportSchema } from "@/lib/schemas/reports";

type Context = { params: Promise<{ slug: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  return json(await createReport(user.id, slug, await readJson(request, createReportSchema)), { status: 201 });
});
