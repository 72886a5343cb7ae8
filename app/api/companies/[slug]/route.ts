import { apiRoute, json } from "@/lib/http/api";
import { getCompany } from "@/lib/data/companies";
import { AppError } from "@/lib/http/errors";
import { slugSchema } from "@/lib/schemas/content";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const company = slug.success ? await getCompany(slug.data) : null;
  if (!company) throw new AppError("NOT_FOUND", "No company profile with that slug.");
  return json(company, { headers: { "cache-control": "public, max-age=60" } });
});
