import { apiRoute, assertSameOrigin, json, readJson, requireApiSession } from "@/lib/http/api";
import { endUserSessions } from "@/lib/data/sessions";
import { endSessionsSchema } from "@/lib/schemas/auth";
import { clearedSessionCookie } from "@/lib/auth/session-token";

/** Signs out everywhere: ends every session of the account ("all", this one too) or every other one ("others"). */
export const DELETE = apiRoute(async (request) => {
  assertSameOrigin(request);
  const { user, session } = await requireApiSession(request);
  const { scope } = await readJson(request, endSessionsSchema);
  const ended = await endUserSessions(user.id, scope === "others" ? { except: session.sid } : {});
  const headers: Record<string, string> =
    scope === "all" ? { "set-cookie": clearedSessionCookie(process.env.NEXTAUTH_URL) } : {};
  return json({ ended }, { headers });
});
