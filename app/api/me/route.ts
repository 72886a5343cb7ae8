import { apiRoute, assertSameOrigin, readJson, requireApiUser, sessionOf } from "@/lib/http/api";
import { deleteAccount } from "@/lib/data/account";
import { deleteAccountSchema } from "@/lib/schemas/account";

/** Deletes the account and everything it owns. The client signs out afterwards. */
export const DELETE = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const { password } = await readJson(request, deleteAccountSchema);
  await deleteAccount(user.id, password, (await sessionOf(request))?.signedInAt ?? null);
  return new Response(null, { status: 204 });
});
