import { apiRoute, assertSameOrigin, json, requireApiUser, slugOr404 } from "@/lib/http/api";
import { setBookmark } from "@/lib/data/sets";

type Context = { params: Promise<{ slug: string }> };

const handler = (on: boolean) =>
  apiRoute<Context>(async (request, { params }) => {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    return json(await setBookmark(user.id, slugOr404((await params).slug), on));
  });

export const PUT = handler(true);
export const DELETE = handler(false);
