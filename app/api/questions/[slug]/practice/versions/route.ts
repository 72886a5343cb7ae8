import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { savePracticeVersion } from "@/lib/data/practice";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/fields";
import { savePracticeVersionSchema } from "@/lib/schemas/practice";

type Context = { params: Promise<{ slug: string }> };
const BODY_LIMIT = 2 * MAX_DOCUMENT_BYTES + 1024;

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  const { content } = await readJson(request, savePracticeVersionSchema, BODY_LIMIT);
  return json(await savePracticeVersion(user.id, slug, content), { status: 201 });
});
