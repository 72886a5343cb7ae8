import { permanentRedirect } from "next/navigation";
import { requestContext } from "@/lib/server/request-context";

/**
 * Sends the visitor to a merged question's kept page for good: a 301 (lib/server/error-answers.ts turns Next's
 * 308 into it for this request). Throws, as permanentRedirect does.
 */
export function movedForGood(path: string): never {
  const context = requestContext().getStore();
  if (context) context.movedPermanently = true;
  permanentRedirect(path);
}
