import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, slugOr404 } from "@/lib/http/api";
import { deleteNote, getNote, saveNote } from "@/lib/data/notes";
import { AppError } from "@/lib/http/errors";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/fields";
import { saveNoteSchema } from "@/lib/schemas/notes";

type Context = { params: Promise<{ slug: string }> };

// JSON escaping can double a body's size; the 100 KB limit applies to the note itself (413 past it).
const BODY_LIMIT = 2 * MAX_DOCUMENT_BYTES + 1024;

export const GET = apiRoute<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const note = await getNote(user.id, slugOr404((await params).slug));
  if (!note) throw new AppError("NOT_FOUND", "You have no note on this question.");
  return json(note);
});

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const slug = slugOr404((await params).slug);
  const input = await readJson(request, saveNoteSchema, BODY_LIMIT);
  return json(await saveNote(user.id, slug, input));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  await deleteNote(user.id, slugOr404((await params).slug));
  return new Response(null, { status: 204 });
});
