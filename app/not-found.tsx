import { headers } from "next/headers";
import { ButtonLink } from "@/components/ui/button";
import { BAD_PATH_HEADER } from "@/lib/server/request-context";

export default async function NotFound() {
  // The HTTP server sends addresses it cannot decode here too, answered 400 (lib/server/http.ts).
  const invalid = (await headers()).get(BAD_PATH_HEADER) === "1";
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{invalid ? "This address is not valid" : "Page not found"}</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {invalid
          ? "Part of the link is not a valid web address (a garbled escape like %ff, or a '..' part). Check where it came from, or start again."
          : "There is nothing at this address, or it is not yours to see."}
      </p>
      <ButtonLink href="/">Back to the start</ButtonLink>
    </div>
  );
}
