import { apiRoute, assertSameOrigin, json, readJson, readQuery, requireApiUserId } from "@/lib/api";
import { listInterviews } from "@/lib/data/interview-history";
import { startInterview } from "@/lib/data/interviews";
import { getUserById } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { interviewListQuerySchema, startInterviewSchema } from "@/lib/schemas/interviews";

export const GET = apiRoute(async (request) => {
  // As requireApiUser (lib/session.ts) does, from the request: this module is also served outside Next
  // (lib/server/direct-routes.ts). A deleted account's leftover session gets 401, not an empty list.
  const user = await getUserById(await requireApiUserId(request));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  return json(await listInterviews(user.id, readQuery(request, interviewListQuerySchema)));
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  // startInterview reads the user row itself (401 when the account is gone): not read twice.
  const userId = await requireApiUserId(request);
  const input = await readJson(request, startInterviewSchema);
  const interview = await startInterview(userId, input);
  return json(
    { id: interview.id, status: interview.status, mode: interview.mode, deadlineAt: interview.deadlineAt, serverNow: interview.serverNow, questions: interview.questions.map(({ id, slug, title, prompt, kind }) => ({ id, slug, title, prompt, kind })) },
    { status: 201 },
  );
});
