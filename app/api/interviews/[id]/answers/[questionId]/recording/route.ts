import { apiRoute, uuidOr404 } from "@/lib/http/api";
import { getRecording, putRecording, removeRecording } from "@/lib/http/recordings";

type Context = { params: Promise<{ id: string; questionId: string }> };

const target = async ({ params }: Context) => {
  const { id, questionId } = await params;
  return { kind: "interview" as const, interviewId: uuidOr404(id), questionId: uuidOr404(questionId, "question") };
};

/** A spoken answer: the audio as the body (at most 5 minutes and 4 MB), transcribed when an endpoint is set. */
export const PUT = apiRoute<Context>(async (request, context) => putRecording(request, await target(context)));
export const GET = apiRoute<Context>(async (request, context) => getRecording(request, await target(context)));
export const DELETE = apiRoute<Context>(async (request, context) => removeRecording(request, await target(context)));
