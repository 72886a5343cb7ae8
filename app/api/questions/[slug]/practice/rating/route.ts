import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { ratePractice } from "@/lib/data/practice";
import { practiceRatingSchema } from "@/lib/schemas/practice";

type Context = { params: Promise<{ slug: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  const { rating } = await readJson(request, practiceRatingSchema);
  return json(await ratePractice(user.id, slug, rating));
});
