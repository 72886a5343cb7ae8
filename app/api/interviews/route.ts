import {
  apiRoute,
  assertSameOrigin,
  json,
  readJson,
  readQuery,
  requireApiUser,
  requireApiUserId,
} from "@/lib/http/api";
import { listInterviews } from "@/lib/data/interview-history";
import { startInterview } from "@/lib/data/interviews";
import { interviewListQuerySchema, startInterviewSchema } from "@/lib/schemas/interviews";

export const GET = apiRoute(async (request) => {
  // A deleted account's leftover session gets 401, not an empty list.
  const user = await requireApiUser(request);
  return json(await listInterviews(user.id, readQuery(request, interviewListQuerySchema)));
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  // startInterview reads the user row itself (401 when the account is gone): not read twice.
  const userId = await requireApiUserId(request);
  const input = await readJson(request, startInterviewSchema);
  const interview = await startInterview(userId, input);
  return json(
    {
      id: interview.id,
      status: interview.status,
      mode: interview.mode,
      deadlineAt: interview.deadlineAt,
      serverNow: interview.serverNow,
      questions: interview.questions.map(({ id, slug, title, prompt, kind }) => ({ id, slug, title, prompt, kind })),
    },
    { status: 201 },
  );
});
