import { apiRoute, json, readQuery, requireApiAdmin } from "@/lib/http/api";
import { listReports } from "@/lib/data/reports";
import { adminReportListQuerySchema } from "@/lib/schemas/reports";

export const GET = apiRoute(async (request) => {
  await requireApiAdmin(request);
  return json(await listReports(readQuery(request, adminReportListQuerySchema)));
});
