import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "../auth/session";
import { formatFor, localeFrom, type Format, type FormatSettings } from "./format";

/** The reader's locale (Accept-Language) and time zone (their setting; UTC for visitors), once per request. */
export const getFormatSettings = cache(async (): Promise<FormatSettings> => {
  const [requestHeaders, user] = await Promise.all([headers(), getCurrentUser().catch(() => null)]);
  return { locale: localeFrom(requestHeaders.get("accept-language")), timeZone: user?.timeZone ?? "UTC" };
});

/** For server components: the formatter for this request's reader. */
export async function getFormat(): Promise<Format> {
  return formatFor(await getFormatSettings());
}
