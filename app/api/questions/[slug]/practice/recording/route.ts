import { apiRoute, slugOr404 } from "@/lib/http/api";
import { getRecording, putRecording, removeRecording } from "@/lib/http/recordings";

type Context = { params: Promise<{ slug: string }> };

const target = async ({ params }: Context) => ({ kind: "practice" as const, slug: slugOr404((await params).slug) });

/** A spoken practice answer: the audio as the body (at most 5 minutes and 4 MB), transcribed when an endpoint is set. */
export const PUT = apiRoute<Context>(async (request, context) => putRecording(request, await target(context)));
export const GET = apiRoute<Context>(async (request, context) => getRecording(request, await target(context)));
export const DELETE = apiRoute<Context>(async (request, context) => removeRecording(request, await target(context)));
