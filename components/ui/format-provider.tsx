"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_FORMAT_SETTINGS, formatFor, type Format, type FormatSettings } from "@/lib/format/format";

const FormatContext = createContext<FormatSettings>(DEFAULT_FORMAT_SETTINGS);

/** Hands the request's locale and time zone to client components, so they format as the server did. */
export function FormatProvider({ settings, children }: { settings: FormatSettings; children: ReactNode }) {
  return <FormatContext.Provider value={settings}>{children}</FormatContext.Provider>;
}

/** For client components: the reader's formatter (lib/format/format.ts). */
export function useFormat(): Format {
  return formatFor(useContext(FormatContext));
}
