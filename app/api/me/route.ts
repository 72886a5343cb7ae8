import { apiRoute, assertSameOrigin, readJson } from "@/lib/api";
import { deleteAccount } from "@/lib/data/account";
import { deleteAccountSchema } from "@/lib/schemas/workspace";
import { getSignedInAt, requireApiUser } from "@/lib/session";

/** Deletes the account and everything it owns. The client signs out afterwards. */
export const DELETE = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  const { password } = await readJson(request, deleteAccountSchema);
  await deleteAccount(user.id, password, await getSignedInAt());
  return new Response(null, { status: 204 });
});
