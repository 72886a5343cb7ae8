import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { addToQueue, rateReview, removeFromQueue } from "@/lib/data/review";
import { reviewRateSchema } from "@/lib/schemas/review";

type Context = { params: Promise<{ slug: string }> };

/** Rate a queued question: FSRS schedules the next review. */
export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  const { rating } = await readJson(request, reviewRateSchema);
  return json(await rateReview(user.id, slug, rating));
});

/** Add a question to the queue by hand. */
export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  return json(await addToQueue(user.id, slugOr404((await params).slug)));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  await removeFromQueue(user.id, slugOr404((await params).slug));
  return new Response(null, { status: 204 });
});
