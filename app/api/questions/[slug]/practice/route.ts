import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { getPractice, savePracticeDraft } from "@/lib/data/practice";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/fields";
import { savePracticeDraftSchema } from "@/lib/schemas/practice";

type Context = { params: Promise<{ slug: string }> };
const BODY_LIMIT = 2 * MAX_DOCUMENT_BYTES + 1024;

export const GET = apiRoute<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  return json(await getPractice(user.id, slugOr404((await params).slug)));
});

/** Autosave of the working draft (revision-checked: 409 with the stored draft on a stale revision). */
export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  const input = await readJson(request, savePracticeDraftSchema, BODY_LIMIT);
  return json(await savePracticeDraft(user.id, slug, input));
});
