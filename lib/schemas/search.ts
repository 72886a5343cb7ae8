import { z } from "zod";

/** How a search's results relate to its words (lib/data/question-search.ts, lib/data/notes.ts). */
export const searchMatchSchema = z
  .enum(["all", "some", "none"])
  .describe(
    "Searches only: all = every word matched; some = nothing holds them all, these hold the most of them; none = nothing matched",
  )
  .meta({ id: "SearchMatch" });
